package io.repdesk.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Two filter chains: API tokens (bearer) or HTTP Basic without sessions for {@code /api/**}, form login for
 * the workspace, and single sign-on (OpenID Connect) beside it when a client registration is configured.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class SecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; "
            + "form-action 'self'; base-uri 'self'; object-src 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokenManagement tokens, PortalSettings portal) throws Exception {
        return http.securityMatcher("/api/**")
                .addFilterBefore(new BearerTokenFilter(tokens), BasicAuthenticationFilter.class)
                // The public help centre API is as open as the portal's help centre: with
                // repdesk.portal.public-knowledge=false it asks for an API token like the rest.
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/public/**")
                        .access(portal.publicKnowledge() ? (auth, context) -> new AuthorizationDecision(true)
                                : AuthenticatedAuthorizationManager.authenticated())
                        .anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(
                        (request, response, e) -> Problems.write(response, HttpStatus.UNAUTHORIZED,
                                "Send an API token (Authorization: Bearer rdk_…) or sign in with HTTP Basic "
                                        + "using an agent account")))
                .exceptionHandling(handling -> handling.accessDeniedHandler(
                        (request, response, e) -> Problems.write(response, HttpStatus.FORBIDDEN,
                                "Your role does not allow this request")))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .build();
    }

    /** A locked account is told so (it stays locked whatever password is tried); anything else is a wrong password. */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler signInFailures() {
        var handler = new org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler();
        handler.setExceptionMappings(java.util.Map.of(
                org.springframework.security.authentication.LockedException.class.getName(), "/login?locked"));
        handler.setDefaultFailureUrl("/login?error");
        return handler;
    }

    /** The sign-in page says why single sign-on was refused: no such agent, a disabled one, or anything else. */
    private static org.springframework.security.web.authentication.AuthenticationFailureHandler singleSignOnFailures() {
        return (request, response, e) -> {
            String code = e instanceof OAuth2AuthenticationException refused ? refused.getError().getErrorCode() : "";
            String reason = code.equals(AgentOidcUsers.UNKNOWN) || code.equals(AgentOidcUsers.DISABLED) ? code
                    : "failed";
            response.sendRedirect(request.getContextPath() + "/login?sso=" + reason);
        };
    }

    @Bean
    @Order(2)
    SecurityFilterChain workspace(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> registrations,
            AgentAccounts accounts, SingleSignOnSettings sso) throws Exception {
        if (registrations.getIfAvailable() != null) {
            http.oauth2Login(login -> login.loginPage("/login").defaultSuccessUrl("/inbox", true)
                    .userInfoEndpoint(users -> users.oidcUserService(new AgentOidcUsers(accounts, sso)))
                    .failureHandler(singleSignOnFailures()));
        }
        return http
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/actuator/health", "/actuator/health/**", "/webjars/**",
                                "/css/**", "/js/**", "/favicon.ico", "/favicon.svg", "/v3/api-docs", "/v3/api-docs/**",
                                "/notices/opt-out/**", "/survey/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/inbox", true)
                        .failureHandler(signInFailures()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .contentTypeOptions(Customizer.withDefaults()))
                .build();
    }
}

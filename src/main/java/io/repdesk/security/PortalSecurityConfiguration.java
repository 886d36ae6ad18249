package io.repdesk.security;

import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;

/**
 * The customer portal's own filter chain for {@code /portal/**}: its own sign-in page, by password or by
 * emailed link, and its own place in the session. Agents and customers keep their sign-ins under different
 * session keys, so an agent's session never opens the portal and a customer's never opens the workspace
 * or the API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PortalSecurityConfiguration {

    /** Where a customer's sign-in is kept in the HTTP session, apart from an agent's. */
    static final String SESSION_KEY = "REPDESK_PORTAL_SECURITY_CONTEXT";

    /** The portal's help search and articles: open to anyone when {@code repdesk.portal.public-knowledge} is on. */
    static final String[] KNOWLEDGE = { "/portal/help", "/portal/articles/*", "/portal/articles/*/solved" };

    @Bean
    @Order(0)
    SecurityFilterChain portal(HttpSecurity http, PortalAccounts accounts, PortalSettings settings) throws Exception {
        HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
        contexts.setSpringSecurityContextKey(SESSION_KEY);
        HttpSessionCsrfTokenRepository csrfTokens = new HttpSessionCsrfTokenRepository();
        SessionAuthenticationStrategy onSignIn = new CompositeSessionAuthenticationStrategy(List.of(
                new ChangeSessionIdAuthenticationStrategy(), new CsrfAuthenticationStrategy(csrfTokens)));
        PortalLinkSignIn linkSignIn = new PortalLinkSignIn(accounts, contexts, onSignIn);
        return http.securityMatcher("/portal/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/portal/login", "/portal/login/**").permitAll()
                        .requestMatchers(KNOWLEDGE).access(settings.publicKnowledge()
                                ? (auth, context) -> new AuthorizationDecision(true)
                                : AuthorityAuthorizationManager.hasAuthority(PortalAuthentication.ROLE))
                        .anyRequest().hasAuthority(PortalAuthentication.ROLE))
                .securityContext(context -> context.securityContextRepository(contexts))
                .authenticationManager(new ProviderManager(new PortalPasswordSignIn(accounts)))
                .formLogin(form -> form.loginPage("/portal/login").loginProcessingUrl("/portal/login")
                        .usernameParameter("email").passwordParameter("password")
                        .defaultSuccessUrl("/portal", true).failureUrl("/portal/login?error").permitAll())
                .addFilterBefore(linkSignIn, UsernamePasswordAuthenticationFilter.class)
                .csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
                // Signing out of the portal forgets the customer, not an agent signed in to the same session.
                .logout(logout -> logout.logoutUrl("/portal/logout").logoutSuccessUrl("/portal/login?logout")
                        .invalidateHttpSession(false))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(SecurityConfiguration.CONTENT_SECURITY_POLICY))
                        .contentTypeOptions(Customizer.withDefaults()))
                .build();
    }
}

package io.repdesk.security;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AbstractAuthenticationProcessingFilter;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.http.HttpMethod;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Signs a customer in with the token of an emailed link, posted from the page the link opens. The link
 * itself only shows that page: mail scanners that fetch links must not spend a single-use token.
 */
final class PortalLinkSignIn extends AbstractAuthenticationProcessingFilter {

    private final PortalAccounts accounts;

    PortalLinkSignIn(PortalAccounts accounts, SecurityContextRepository contexts, SessionAuthenticationStrategy onSignIn) {
        super(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.POST, "/portal/login/link"));
        this.accounts = accounts;
        setSecurityContextRepository(contexts);
        setSessionAuthenticationStrategy(onSignIn);
        SimpleUrlAuthenticationSuccessHandler success = new SimpleUrlAuthenticationSuccessHandler("/portal");
        success.setAlwaysUseDefaultTargetUrl(true);
        setAuthenticationSuccessHandler(success);
        setAuthenticationFailureHandler(new SimpleUrlAuthenticationFailureHandler("/portal/login?link=invalid"));
    }

    @Override
    public Authentication attemptAuthentication(HttpServletRequest request, HttpServletResponse response) {
        String token = request.getParameter("token");
        return accounts.redeemLink(token == null ? "" : token.strip()).map(PortalAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("This sign-in link was used already or has expired"));
    }
}

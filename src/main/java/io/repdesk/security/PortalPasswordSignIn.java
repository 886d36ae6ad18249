package io.repdesk.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Checks a customer's email and portal password. Not a bean: a second sign-in source among the beans would
 * take the agents' place in Spring Boot's default authentication manager.
 */
final class PortalPasswordSignIn implements AuthenticationProvider {

    private final PortalAccounts accounts;

    PortalPasswordSignIn(PortalAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = authentication.getName() == null ? "" : authentication.getName().strip();
        Object credentials = authentication.getCredentials();
        return accounts.signIn(email, credentials == null ? "" : credentials.toString())
                .map(PortalAuthentication::new)
                .orElseThrow(() -> new BadCredentialsException("Wrong email address or password"));
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}

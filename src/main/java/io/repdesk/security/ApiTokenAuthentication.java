package io.repdesk.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A request authenticated by an API token: named {@code token:<name>}, allowed what its scopes allow. */
final class ApiTokenAuthentication extends AbstractAuthenticationToken {

    static final String ACTOR_PREFIX = "token:";

    private final ApiToken token;

    ApiTokenAuthentication(ApiToken token) {
        super(token.scopes().stream().map(s -> new SimpleGrantedAuthority("SCOPE_" + s.value())).toList());
        this.token = token;
        setAuthenticated(true);
    }

    ApiToken token() {
        return token;
    }

    @Override
    public String getName() {
        return token.actor();
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return token.actor();
    }
}

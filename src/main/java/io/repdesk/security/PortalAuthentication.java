package io.repdesk.security;

import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in portal customer. Its name is the customer's email address, which is what the journal records
 * as the actor; agent usernames cannot contain {@code @}, so the two never meet.
 */
final class PortalAuthentication extends AbstractAuthenticationToken {

    static final String ROLE = "ROLE_CUSTOMER";

    private final PortalCustomer customer;

    PortalAuthentication(PortalCustomer customer) {
        super(List.of(new SimpleGrantedAuthority(ROLE), new SimpleGrantedAuthority(Permission.PORTAL.authority())));
        this.customer = customer;
        setAuthenticated(true);
    }

    @Override
    public PortalCustomer getPrincipal() {
        return customer;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public String getName() {
        return customer.email();
    }
}

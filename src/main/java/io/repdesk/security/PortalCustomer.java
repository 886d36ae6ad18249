package io.repdesk.security;

import java.io.Serializable;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CustomerId;
import io.repdesk.shared.OrganizationId;

/**
 * The customer signed in to the portal: the principal of every portal request, kept in the session (stored in
 * PostgreSQL, hence serializable).
 *
 * @param organizationId the customer's organization when they signed in; null for a customer on their own
 * @param signedInBy how they proved who they are, which decides whether changing the password asks for the old one
 */
public record PortalCustomer(CustomerId customerId, @Nullable OrganizationId organizationId, String email, String name,
        SignIn signedInBy) implements Serializable {

    /** How a customer signed in to the portal. */
    public enum SignIn {
        /** With a single-use link sent to their address: as good as a password reset. */
        LINK,
        /** With their portal password. */
        PASSWORD
    }
}

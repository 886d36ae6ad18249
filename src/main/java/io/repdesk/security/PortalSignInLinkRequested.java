package io.repdesk.security;

import java.time.Instant;

import io.repdesk.shared.CustomerId;

/**
 * A customer asked for a link that signs them in to the portal; the email channel sends it. The link
 * carries the only copy of its token: repdesk keeps just its hash.
 *
 * @param link the absolute sign-in URL, {@code <base>/portal/login/link?token=...}
 * @param expiresAt when the link stops working (it works once before that)
 */
public record PortalSignInLinkRequested(CustomerId customerId, String email, String link, Instant expiresAt) {

    @Override
    public String toString() {
        // Never log the link: it signs its holder in.
        return "PortalSignInLinkRequested[customerId=" + customerId + ", email=" + email + ", expiresAt=" + expiresAt
                + "]";
    }
}

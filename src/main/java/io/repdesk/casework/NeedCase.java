package io.repdesk.casework;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

/**
 * One case of a need, reduced to what its evidence needs.
 *
 * @param resolvedAt when the case was resolved or closed, or null while it is open
 * @param inbound the customer's messages on the case
 * @param replies the agents' replies on the case
 */
public record NeedCase(CaseId id, CustomerId customerId, Instant openedAt, @Nullable Instant resolvedAt, int inbound,
        int replies) {
}

package io.repdesk.casework;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.TeamId;

/**
 * One customer's instance of a need.
 *
 * @param reference the short human reference quoted by customers and engineers ({@code RD-1042})
 * @param needLinkedBy who linked the need: an agent's username, or {@code repdesk} when matched automatically
 * @param needConfirmed whether a person linked or confirmed the need (what matching learns from)
 * @param needConfidence repdesk's confidence when it linked the need alone
 * @param statusChangedAt when the case took its present status
 * @param channel the channel of the case's first contact, once it has one
 * @param teamId the team whose queue holds the case, if any
 * @param mergedInto the case this duplicate was merged into (it is then closed), or null
 */
public record SupportCase(CaseId id, String reference, CustomerId customerId, String subject, CaseStatus status,
        Priority priority, Tier tier, @Nullable String assignee, @Nullable NeedId needId,
        @Nullable String needLinkedBy, boolean needConfirmed, @Nullable Float needConfidence, int contactCount,
        Instant openedAt, Instant lastContactAt, Instant updatedAt, Instant statusChangedAt,
        @Nullable String channel, @Nullable TeamId teamId, @Nullable CaseId mergedInto) {

    public boolean isOpen() {
        return status.isOpen();
    }
}

package io.repdesk.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.Priority;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * A contact to record. Without a case id a new case is opened for it, optionally already linked to a need.
 *
 * @param author who wrote it; null means the customer (inbound) or the signed-in agent (outbound)
 * @param idempotencyKey a key unique to this delivery; null lets repdesk derive one from the content
 */
public record NewContact(CustomerId customerId, @Nullable CaseId caseId, Channel channel, Direction direction,
        Instant occurredAt, String subject, String body, @Nullable String author, @Nullable String idempotencyKey,
        @Nullable NeedId needId, @Nullable Priority priority) {
}

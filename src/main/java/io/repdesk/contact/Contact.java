package io.repdesk.contact;

import java.time.Instant;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;

/**
 * One interaction on one channel; immutable once recorded.
 *
 * @param author who wrote it: the customer's address or name for inbound, the agent for outbound
 * @param idempotencyKey the sender's key for this delivery; a repeat with the same key is the same contact
 * @param recordedAt when repdesk stored it (occurredAt is when it happened on its channel)
 */
public record Contact(ContactId id, CustomerId customerId, CaseId caseId, Channel channel, Direction direction,
        Instant occurredAt, String subject, String body, String author, String idempotencyKey, Instant recordedAt) {

    /** What the contact says, for matching and search: the subject, and the body unless it repeats it. */
    public String text() {
        String s = subject.strip();
        String b = body.strip();
        if (b.isEmpty() || b.equals(s)) {
            return s;
        }
        String shown = s.endsWith("…") ? s.substring(0, s.length() - 1).strip() : s;
        if (shown.isEmpty() || b.contains(shown) || s.regionMatches(true, 0, "Re:", 0, 3)) {
            return b;
        }
        return s + "\n" + b;
    }
}

package io.repdesk.channel;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;

/**
 * One mail in the outbox, waiting or sent.
 *
 * @param messageId the Message-ID, with angle brackets, fixed when queued so a retry is the same message
 * @param contactId the reply this mail carries (its attachments go with it), or null for a notification
 * @param references the Message-IDs of the thread, oldest first
 * @param autoSubmitted whether the mail is machine-made (marked {@code Auto-Submitted: auto-generated})
 */
public record OutboundMail(UUID id, String messageId, Kind kind, @Nullable CaseId caseId, @Nullable ContactId contactId,
        String recipient, String subject, String text, @Nullable String html, @Nullable String inReplyTo,
        List<String> references, boolean autoSubmitted, Status status, int attempts, Instant nextAttemptAt,
        @Nullable String lastError, Instant createdAt, @Nullable Instant sentAt) {

    public enum Kind {
        REPLY, NOTIFICATION
    }

    public enum Status {
        PENDING, SENT, FAILED
    }

    public OutboundMail {
        references = List.copyOf(references);
    }

    /** Whether the mail is still to be sent. */
    public boolean pending() {
        return status == Status.PENDING;
    }
}

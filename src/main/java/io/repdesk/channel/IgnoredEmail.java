package io.repdesk.channel;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;

/**
 * An inbound email that did not become a contact, kept with the reason.
 *
 * @param caseId the case a bounce or auto-reply answers, when it names a message repdesk knows
 * @param originalSha256 the stored original message, or null when it was larger than the store accepts
 */
public record IgnoredEmail(UUID id, Instant receivedAt, String mailbox, Reason reason, String detail,
        @Nullable String sender, @Nullable String subject, @Nullable String messageId, @Nullable CaseId caseId,
        @Nullable String originalSha256, @Nullable Long originalSize) {

    /** Why an email was set aside. */
    public enum Reason {
        /** A delivery failure report. */
        BOUNCE,
        /** An out-of-office or other automatic answer. */
        AUTO_REPLY,
        /** Bytes that could not be read as an email. */
        UNREADABLE,
        /** No sender address to attribute the message to. */
        NO_SENDER
    }
}

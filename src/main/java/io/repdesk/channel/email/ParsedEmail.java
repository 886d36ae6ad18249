package io.repdesk.channel.email;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What could be read from one email: never null where a default makes sense, so that a damaged message
 * still becomes a contact with whatever it says.
 *
 * @param messageId the Message-ID with its angle brackets, or null when the message has none
 * @param threadIds In-Reply-To and References, the nearest first
 * @param text the whole plain text (derived from the HTML when there is no plain part), forwarded messages included
 * @param html the HTML body as received, or null
 * @param forwarded whether the message forwards another (a "Fwd:" subject or an attached message)
 * @param damage what could not be read, for the log; empty when the message was whole
 */
record ParsedEmail(@Nullable String messageId, List<String> threadIds, @Nullable String fromAddress,
        @Nullable String fromName, String subject, @Nullable Instant sentAt, String text, @Nullable String html,
        List<EmailPart> parts, boolean forwarded, Automated automated, List<String> damage) {

    /** The subject shown when a message has none. */
    static final String NO_SUBJECT = "(no subject)";
}

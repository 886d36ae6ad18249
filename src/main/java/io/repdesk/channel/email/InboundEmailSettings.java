package io.repdesk.channel.email;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mailboxes that repdesk reads customer email from. Without a mailbox nothing is polled.
 *
 * @param pollInterval how often a mailbox is searched for new mail when the server offers no IDLE (and how
 *        long one IDLE lasts before repdesk looks again)
 * @param reconnectBackoff the first wait after a lost connection; each failure doubles it up to maxBackoff
 * @param batchSize messages read in one exchange and marked done in one command after their contacts are
 *        committed (a batch also stops at 16 MiB); a crash re-reads at most one batch, recognised as known
 */
@ConfigurationProperties("repdesk.channel.email.inbound")
public record InboundEmailSettings(@DefaultValue List<Mailbox> mailboxes, @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("1s") Duration reconnectBackoff, @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("250") int batchSize) {

    public InboundEmailSettings {
        mailboxes = List.copyOf(mailboxes);
        if (batchSize < 1 || batchSize > 5_000) {
            throw new IllegalArgumentException(
                    "repdesk.channel.email.inbound.batch-size must be between 1 and 5000, not " + batchSize);
        }
    }

    /**
     * One IMAP mailbox.
     *
     * @param name how the admin page and the logs call it; the username when not given
     * @param protocol {@code imap} or {@code imaps} (TLS)
     * @param idle whether to wait with IMAP IDLE where the server offers it instead of polling
     */
    public record Mailbox(@Nullable String name, String host, @DefaultValue("993") int port,
            @DefaultValue("imaps") String protocol, String username, String password,
            @DefaultValue("INBOX") String folder, @DefaultValue("true") boolean idle) {

        public Mailbox {
            if (!protocol.equals("imap") && !protocol.equals("imaps")) {
                throw new IllegalArgumentException(
                        "repdesk.channel.email.inbound.mailboxes[].protocol must be imap or imaps, not " + protocol);
            }
            name = name == null || name.isBlank() ? username + "@" + host : name;
        }

        /** The name shown for this mailbox. */
        public String label() {
            return name == null ? username : name;
        }
    }
}

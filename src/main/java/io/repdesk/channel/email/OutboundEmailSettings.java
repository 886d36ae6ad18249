package io.repdesk.channel.email;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How repdesk sends mail. Sending is on when {@code host} is set; without it replies are recorded on the case
 * but no mail is queued.
 *
 * @param security NONE, STARTTLS (required when offered by the server) or TLS (SMTPS)
 * @param fromAddress the support address customers see and reply to
 * @param dispatchInterval how often the outbox is checked for due mail; zero turns the background sender off
 * @param firstRetry the wait after the first failure; each further failure doubles it, up to {@code maxRetry}
 * @param maxAttempts attempts before a mail is given up as failed (it can still be sent again from the outbox page)
 * @param timeout connect, read and write timeout of one SMTP conversation
 */
@ConfigurationProperties("repdesk.channel.email.outbound")
record OutboundEmailSettings(@Nullable String host, int port, @Nullable String username, @Nullable String password,
        Security security, String fromAddress, String fromName, Duration dispatchInterval, Duration firstRetry,
        Duration maxRetry, int maxAttempts, Duration timeout) {

    enum Security {
        NONE, STARTTLS, TLS
    }

    OutboundEmailSettings {
        security = security == null ? Security.STARTTLS : security;
        port = port > 0 ? port : security == Security.TLS ? 465 : 587;
        fromAddress = fromAddress == null || fromAddress.isBlank() ? "support@repdesk.localhost" : fromAddress.strip();
        fromName = fromName == null || fromName.isBlank() ? "Support" : fromName.strip();
        dispatchInterval = dispatchInterval == null ? Duration.ofSeconds(5) : dispatchInterval;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        maxRetry = maxRetry == null ? Duration.ofHours(1) : maxRetry;
        maxAttempts = maxAttempts <= 0 ? 20 : maxAttempts;
        timeout = timeout == null ? Duration.ofSeconds(15) : timeout;
    }

    boolean enabled() {
        return host != null && !host.isBlank();
    }

    /** The domain of Message-IDs repdesk makes: the support address's. */
    String messageIdDomain() {
        int at = fromAddress.lastIndexOf('@');
        return at < 0 || at == fromAddress.length() - 1 ? "repdesk.localhost" : fromAddress.substring(at + 1);
    }

    /** The wait before attempt {@code attempts + 1}, after {@code attempts} failures. */
    Duration retryAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(maxRetry) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
    }
}

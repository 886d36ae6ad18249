package io.repdesk.channel.webhook;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Webhook delivery settings.
 *
 * @param dispatchInterval how often this node looks for due deliveries (0: never, only when asked)
 * @param batchSize deliveries one look claims and sends at once
 * @param connectTimeout how long to wait for a receiver to accept the connection
 * @param requestTimeout how long to wait for a receiver's answer
 * @param retention how long delivered and failed deliveries stay listed before they are deleted
 */
@ConfigurationProperties("repdesk.channel.webhook")
public record WebhookSettings(@DefaultValue("5s") Duration dispatchInterval, @DefaultValue("20") int batchSize,
        @DefaultValue("5s") Duration connectTimeout, @DefaultValue("10s") Duration requestTimeout,
        @DefaultValue("30d") Duration retention) {

    public WebhookSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("repdesk.channel.webhook.batch-size must be at least 1, not "
                    + batchSize);
        }
        if (!connectTimeout.isPositive() || !requestTimeout.isPositive() || !retention.isPositive()) {
            throw new IllegalArgumentException("repdesk.channel.webhook.connect-timeout, request-timeout and "
                    + "retention must be longer than zero");
        }
    }
}

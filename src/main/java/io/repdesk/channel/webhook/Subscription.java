package io.repdesk.channel.webhook;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** Where to send which events; the signing secret is not part of it, being shown only once. */
public record Subscription(UUID id, String targetUrl, String description, Set<WebhookEventType> eventTypes,
        boolean active, String createdBy, Instant createdAt, Instant updatedAt) {
}

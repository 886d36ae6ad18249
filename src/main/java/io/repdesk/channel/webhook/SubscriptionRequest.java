package io.repdesk.channel.webhook;

import java.util.Set;

/** A subscription as asked for: an http(s) URL, a description, the event types, and whether it is active. */
public record SubscriptionRequest(String targetUrl, String description, Set<WebhookEventType> eventTypes,
        boolean active) {
}

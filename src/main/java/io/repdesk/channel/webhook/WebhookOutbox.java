package io.repdesk.channel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.databind.json.JsonMapper;

/**
 * Turns an event into one delivery per subscription that asked for it, in the caller's transaction, with
 * the payload {@code {id, type, occurredAt, data}} fixed once so every attempt sends the same bytes.
 */
@Component
class WebhookOutbox {

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final JsonMapper json;
    private final Clock clock;

    WebhookOutbox(Subscriptions subscriptions, Deliveries deliveries, JsonMapper json, Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Queues the event for its subscribers; the data is only built when someone subscribed, so events
     * nobody listens for cost one indexed lookup.
     *
     * @return how many deliveries were queued
     */
    @Transactional(propagation = Propagation.MANDATORY)
    int enqueue(WebhookEventType type, Supplier<Map<String, ?>> data) {
        List<UUID> subscribers = subscriptions.subscribedTo(type);
        if (subscribers.isEmpty()) {
            return 0;
        }
        UUID eventId = UUID.randomUUID();
        Instant now = clock.instant();
        String payload = payload(eventId, type, now, data.get());
        for (UUID subscriber : subscribers) {
            deliveries.insert(UUID.randomUUID(), subscriber, eventId, type, payload, now);
        }
        return subscribers.size();
    }

    /** Queues a test event for one subscription alone. */
    @Transactional(propagation = Propagation.MANDATORY)
    UUID enqueueTest(Subscription subscription) {
        UUID eventId = UUID.randomUUID();
        UUID deliveryId = UUID.randomUUID();
        Instant now = clock.instant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subscriptionId", subscription.id().toString());
        data.put("message", "A test event from repdesk: this subscription receives and verifies deliveries.");
        deliveries.insert(deliveryId, subscription.id(), eventId, WebhookEventType.TEST,
                payload(eventId, WebhookEventType.TEST, now, data), now);
        return deliveryId;
    }

    private String payload(UUID eventId, WebhookEventType type, Instant at, Map<String, ?> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("id", eventId.toString());
        event.put("type", type.value());
        event.put("occurredAt", at.toString());
        event.put("data", data);
        return json.writeValueAsString(event);
    }
}

package io.repdesk.channel.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.RandomText;

/** Creates and changes webhook subscriptions, shows their deliveries, and sends one again or a test event. */
@Service
@Transactional(readOnly = true)
public class WebhookManagement {

    /** Every signing secret starts so, which tells it apart from an API token at a glance. */
    public static final String SECRET_PREFIX = "whsec_";

    private static final int SECRET_CHARACTERS = 32;
    private static final int RECENT_DELIVERIES = 50;

    private final Subscriptions subscriptions;
    private final Deliveries deliveries;
    private final WebhookOutbox outbox;
    private final Journal journal;
    private final Clock clock;

    WebhookManagement(Subscriptions subscriptions, Deliveries deliveries, WebhookOutbox outbox, Journal journal,
            Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.outbox = outbox;
        this.journal = journal;
        this.clock = clock;
    }

    /** Subscribes; the answer carries the signing secret, which is not shown again. */
    @Transactional
    public CreatedSubscription subscribe(SubscriptionRequest request) {
        validate(request);
        Instant now = clock.instant();
        Subscription created = new Subscription(UUID.randomUUID(), request.targetUrl().strip(),
                request.description().strip(), EnumSet.copyOf(request.eventTypes()), request.active(),
                Journal.currentActor(), now, now);
        String secret = newSecret();
        subscriptions.insert(created, secret);
        journal.append("webhook", created.id(), "WebhookSubscribed", facts(created));
        return new CreatedSubscription(created, secret);
    }

    /** Changes where and what a subscription sends, or (in)activates it; the secret stays. */
    @Transactional
    public Subscription change(UUID id, SubscriptionRequest request) {
        Subscription current = subscription(id);
        validate(request);
        Subscription changed = new Subscription(id, request.targetUrl().strip(), request.description().strip(),
                EnumSet.copyOf(request.eventTypes()), request.active(), current.createdBy(), current.createdAt(),
                clock.instant());
        subscriptions.update(changed);
        journal.append("webhook", id, "WebhookSubscriptionChanged", facts(changed));
        return changed;
    }

    /**
     * Gives a subscription a new signing secret, returned here and shown only once; deliveries from now on,
     * retries included, are signed with it.
     */
    @Transactional
    public String rotateSecret(UUID id) {
        subscription(id);
        String secret = newSecret();
        subscriptions.replaceSecret(id, secret, clock.instant());
        journal.append("webhook", id, "WebhookSecretRotated", Map.of());
        return secret;
    }

    /** Stops sending to a subscription; its pending deliveries wait until it is active again. */
    @Transactional
    public Subscription deactivate(UUID id) {
        Subscription current = subscription(id);
        if (!current.active()) {
            return current;
        }
        return change(id, new SubscriptionRequest(current.targetUrl(), current.description(), current.eventTypes(),
                false));
    }

    public List<Subscription> subscriptions() {
        return subscriptions.all();
    }

    public Subscription subscription(UUID id) {
        return subscriptions.byId(id).orElseThrow(() -> new NotFound("webhook subscription", "subscriptionId", id));
    }

    /** A subscription's newest deliveries, newest first. */
    public List<Delivery> recentDeliveries(UUID subscriptionId) {
        subscription(subscriptionId);
        return deliveries.recent(subscriptionId, RECENT_DELIVERIES);
    }

    public Delivery delivery(UUID id) {
        return deliveries.byId(id).orElseThrow(() -> new NotFound("webhook delivery", "deliveryId", id));
    }

    /** Queues a {@code webhook.test} event for the subscription alone; it goes out with the next dispatch. */
    @Transactional
    public Delivery sendTest(UUID subscriptionId) {
        Subscription subscription = subscription(subscriptionId);
        if (!subscription.active()) {
            throw new Conflict("The subscription is inactive: activate it before sending a test event");
        }
        return delivery(outbox.enqueueTest(subscription));
    }

    /**
     * Queues a delivery to be sent again now with a fresh retry schedule, under the same delivery id so a
     * receiver that already has it can tell.
     */
    @Transactional
    public Delivery sendAgain(UUID deliveryId) {
        Delivery delivery = delivery(deliveryId);
        deliveries.requeue(deliveryId, clock.instant());
        journal.append("webhook", delivery.subscriptionId(), "WebhookDeliveryRequeued",
                Map.of("deliveryId", deliveryId.toString(), "eventType", delivery.eventType()));
        return delivery(deliveryId);
    }

    private static String newSecret() {
        return SECRET_PREFIX + RandomText.base62(SECRET_CHARACTERS);
    }

    private static void validate(SubscriptionRequest request) {
        TargetUrl.check(request.targetUrl());
        if (request.description().length() > 500) {
            throw new InvalidInput("description", "must be at most 500 characters");
        }
        if (request.eventTypes().isEmpty()) {
            throw new InvalidInput("eventTypes", "must name at least one event type");
        }
        if (request.eventTypes().stream().anyMatch(t -> !t.isSubscribable())) {
            throw new InvalidInput("eventTypes", "must not include " + WebhookEventType.TEST.value()
                    + ", which is sent only on request");
        }
    }

    private static Map<String, Object> facts(Subscription s) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("targetUrl", s.targetUrl());
        facts.put("description", s.description());
        facts.put("eventTypes", s.eventTypes().stream().map(WebhookEventType::value).toList());
        facts.put("active", s.active());
        return facts;
    }
}

package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.WEBHOOKS_MANAGE;

import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.channel.webhook.CreatedSubscription;
import io.repdesk.channel.webhook.Delivery;
import io.repdesk.channel.webhook.Subscription;
import io.repdesk.channel.webhook.SubscriptionRequest;
import io.repdesk.channel.webhook.WebhookEventType;
import io.repdesk.channel.webhook.WebhookManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Webhook subscriptions: create, list, change, see deliveries, send a test event, send a delivery again. */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookApi {

    private final WebhookManagement webhooks;

    WebhookApi(WebhookManagement webhooks) {
        this.webhooks = webhooks;
    }

    record SubscriptionBody(@NotBlank @Size(max = 2000) String targetUrl, @Size(max = 500) @Nullable String description,
            @NotNull @Size(min = 1, max = 20) List<String> eventTypes, @Nullable Boolean active) {
    }

    record SubscriptionView(String id, String targetUrl, String description, List<String> eventTypes, boolean active,
            String createdBy, Instant createdAt, Instant updatedAt) {

        static SubscriptionView of(Subscription s) {
            return new SubscriptionView(s.id().toString(), s.targetUrl(), s.description(),
                    s.eventTypes().stream().map(WebhookEventType::value).toList(), s.active(), s.createdBy(),
                    s.createdAt(), s.updatedAt());
        }
    }

    /** The only answer that carries the signing secret. */
    record CreatedView(SubscriptionView subscription, String secret) {
    }

    record DeliveryView(String id, String subscriptionId, String eventId, String eventType, String status,
            int attempts, Instant createdAt, @Nullable Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
            @Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant deliveredAt,
            String payload) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.id().toString(), d.subscriptionId().toString(), d.eventId().toString(),
                    d.eventType(), d.status().name(), d.attempts(), d.createdAt(),
                    d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.lastAttemptAt(),
                    d.lastStatusCode(), d.lastError(), d.deliveredAt(), d.payload());
        }
    }

    @PostMapping
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    ResponseEntity<CreatedView> create(@Valid @RequestBody SubscriptionBody body) {
        CreatedSubscription created = webhooks.subscribe(request(body));
        return ResponseEntity.created(URI.create("/api/v1/webhooks/" + created.subscription().id()))
                .body(new CreatedView(SubscriptionView.of(created.subscription()), created.secret()));
    }

    @GetMapping
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    List<SubscriptionView> list() {
        return webhooks.subscriptions().stream().map(SubscriptionView::of).toList();
    }

    @GetMapping("/{id}")
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    SubscriptionView get(@PathVariable UUID id) {
        return SubscriptionView.of(webhooks.subscription(id));
    }

    /** Replaces address, description, event types and active flag; the secret stays. */
    @PutMapping("/{id}")
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    SubscriptionView change(@PathVariable UUID id, @Valid @RequestBody SubscriptionBody body) {
        return SubscriptionView.of(webhooks.change(id, request(body)));
    }

    /** The only other answer that carries a signing secret: the new one. */
    record SecretView(String secret) {
    }

    /** Replaces the signing secret; the answer carries the new one, shown only this once. */
    @PostMapping("/{id}/secret")
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    SecretView rotateSecret(@PathVariable UUID id) {
        return new SecretView(webhooks.rotateSecret(id));
    }

    @GetMapping("/{id}/deliveries")
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    List<DeliveryView> deliveries(@PathVariable UUID id) {
        return webhooks.recentDeliveries(id).stream().map(DeliveryView::of).toList();
    }

    @PostMapping("/{id}/test")
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    ResponseEntity<DeliveryView> test(@PathVariable UUID id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(webhooks.sendTest(id)));
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/retry")
    @Permits(Permission.ADMINISTER)
    @RequiresScope(WEBHOOKS_MANAGE)
    ResponseEntity<DeliveryView> sendAgain(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        if (!webhooks.delivery(deliveryId).subscriptionId().equals(id)) {
            throw new NotFound("webhook delivery", "deliveryId", deliveryId);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(DeliveryView.of(webhooks.sendAgain(deliveryId)));
    }

    private static SubscriptionRequest request(SubscriptionBody body) {
        return new SubscriptionRequest(body.targetUrl(), body.description() == null ? "" : body.description(),
                eventTypes(body.eventTypes()), body.active() == null || body.active());
    }

    private static Set<WebhookEventType> eventTypes(List<String> names) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            WebhookEventType type = name == null ? null : WebhookEventType.named(name).orElse(null);
            if (type == null || !type.isSubscribable()) {
                throw new InvalidInput("eventTypes[" + i + "]", "must be one of " + subscribable());
            }
            types.add(type);
        }
        return types;
    }

    private static String subscribable() {
        return EnumSet.allOf(WebhookEventType.class).stream().filter(WebhookEventType::isSubscribable)
                .map(WebhookEventType::value).collect(Collectors.joining(", "));
    }
}

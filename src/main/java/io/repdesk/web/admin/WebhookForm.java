package io.repdesk.web.admin;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.repdesk.channel.webhook.Subscription;
import io.repdesk.channel.webhook.SubscriptionRequest;
import io.repdesk.channel.webhook.TargetUrl;
import io.repdesk.channel.webhook.WebhookEventType;
import io.repdesk.shared.InvalidInput;

/** The webhook subscription form as typed: address, description, the event types checked, and active. */
record WebhookForm(String targetUrl, String description, List<String> events, boolean active) {

    static WebhookForm blank() {
        return new WebhookForm("", "", List.of(), true);
    }

    static WebhookForm of(Subscription s) {
        return new WebhookForm(s.targetUrl(), s.description(),
                s.eventTypes().stream().map(WebhookEventType::value).toList(), s.active());
    }

    static WebhookForm from(MultiValueMap<String, String> params) {
        return new WebhookForm(Forms.text(params, "targetUrl"), Forms.text(params, "description"),
                List.copyOf(params.getOrDefault("event", List.of())), params.containsKey("active"));
    }

    /** For the template: whether the event type is checked. */
    public boolean has(WebhookEventType type) {
        return events.contains(type.value());
    }

    /** The request, or null with the reasons put in {@code errors}. */
    @Nullable SubscriptionRequest toRequest(FieldErrors errors) {
        if (targetUrl.isBlank()) {
            errors.reject("targetUrl", "Give the address repdesk sends events to, such as https://example.com/hooks");
        } else {
            try {
                TargetUrl.check(targetUrl);
            } catch (InvalidInput e) {
                reject(errors, e);
            }
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String event : events) {
            WebhookEventType.named(event).filter(WebhookEventType::isSubscribable).ifPresentOrElse(types::add,
                    () -> errors.reject("events", "There is no event type “" + event + "” to subscribe to"));
        }
        if (types.isEmpty()) {
            errors.reject("events", "Check at least one event type");
        }
        return errors.isEmpty() ? new SubscriptionRequest(targetUrl, description, types, active) : null;
    }

    static void reject(FieldErrors errors, InvalidInput e) {
        switch (e.field()) {
            case "targetUrl" -> errors.reject("targetUrl", "The address", e);
            case "description" -> errors.reject("description", "The description", e);
            case "eventTypes" -> errors.reject("events", "Event types", e);
            default -> errors.reject(FieldErrors.FORM, e.getMessage());
        }
    }
}

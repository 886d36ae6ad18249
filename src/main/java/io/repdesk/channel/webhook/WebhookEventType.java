package io.repdesk.channel.webhook;

import java.util.Arrays;
import java.util.Optional;

/** The events a subscription can ask for, by the name sent in {@code Repdesk-Event} and the payload's {@code type}. */
public enum WebhookEventType {

    CASE_OPENED("case.opened", "a case was opened by its first contact"),
    CASE_STATUS_CHANGED("case.status_changed", "a case changed status"),
    CASE_ESCALATED("case.escalated", "a case moved up the tiers"),
    CASE_NEED_LINKED("case.need_linked", "a case was linked to a need"),
    CONTACT_RECORDED("contact.recorded", "a contact was recorded on a case, in or out"),
    NEED_DEFINED("need.defined", "a new service need was defined"),
    NEED_STAGE_CHANGED("need.stage_changed", "a need moved to another lifecycle stage"),
    NEED_MERGED("need.merged", "a need was merged into another"),
    NEED_HANDED_OFF("need.handed_off", "a need was handed to engineering, with its evidence summary"),
    /** Sent only by "send a test event", to one subscription, whatever it subscribes to. */
    TEST("webhook.test", "a test event sent on request");

    private final String value;
    private final String description;

    WebhookEventType(String value, String description) {
        this.value = value;
        this.description = description;
    }

    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** Whether a subscription may ask for it (the test event comes only on request). */
    public boolean isSubscribable() {
        return this != TEST;
    }

    public static Optional<WebhookEventType> named(String value) {
        return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}

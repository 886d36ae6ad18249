package io.repdesk.channel.webhook;

/** A new subscription with its signing secret: the one time the secret is shown. */
public record CreatedSubscription(Subscription subscription, String secret) {
}

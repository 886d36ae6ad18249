package io.repdesk.channel.webhook;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One event on its way to one subscription. Its id travels in {@code Repdesk-Delivery} and stays the same
 * across attempts, so a receiver can ignore repeats.
 *
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastStatusCode the HTTP status of the last answer, null when no answer came
 * @param lastError why the last attempt failed: the start of the answer, or the connection error
 */
public record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String payload,
        Status status, int attempts, Instant createdAt, Instant nextAttemptAt, @Nullable Instant lastAttemptAt,
        @Nullable Integer lastStatusCode, @Nullable String lastError, @Nullable Instant deliveredAt) {

    public enum Status {
        /** Waiting for its first or next attempt. */
        PENDING,
        /** A 2xx answer came back. */
        DELIVERED,
        /** Every attempt of the retry schedule failed. */
        FAILED
    }
}

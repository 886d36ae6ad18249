package io.repdesk.prevent;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A case as the signals read model holds it ({@code prevent_signal_case}), changed in place while the projector
 * applies one batch of journal entries.
 */
final class SignalCase {

    final UUID id;
    final UUID customerId;
    final Instant openedAt;
    @Nullable UUID needId;
    String status;
    Instant statusAt;
    int inbound;
    int replies;
    long minutes;
    boolean merged;

    SignalCase(UUID id, @Nullable UUID needId, UUID customerId, Instant openedAt, String status, Instant statusAt,
            int inbound, int replies, long minutes, boolean merged) {
        this.id = id;
        this.needId = needId;
        this.customerId = customerId;
        this.openedAt = openedAt;
        this.status = status;
        this.statusAt = statusAt;
        this.inbound = inbound;
        this.replies = replies;
        this.minutes = minutes;
        this.merged = merged;
    }

    static SignalCase opened(UUID id, @Nullable UUID needId, UUID customerId, Instant openedAt) {
        return new SignalCase(id, needId, customerId, openedAt, "NEW", openedAt, 0, 0, 0, false);
    }

    /** Whether the case's messages count for its need: it has one and was not merged into another case. */
    boolean counts() {
        return needId != null && !merged;
    }
}

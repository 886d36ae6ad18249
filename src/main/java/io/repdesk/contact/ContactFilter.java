package io.repdesk.contact;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

/** Optional filters for listing contacts; null means "any". {@code from} is inclusive, {@code until} exclusive. */
public record ContactFilter(@Nullable CustomerId customerId, @Nullable CaseId caseId, @Nullable Channel channel,
        @Nullable Direction direction, @Nullable Instant from, @Nullable Instant until) {

    public static ContactFilter any() {
        return new ContactFilter(null, null, null, null, null, null);
    }
}

package io.repdesk.need;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.NeedId;

/**
 * A problem as customers experience it.
 *
 * @param title the problem in the customer's words ("My card hasn't arrived")
 * @param key a stable short name used by imports and integrations ({@code card_arrival}); unique
 * @param mergedInto the need that absorbed this one, when it was merged
 */
public record ServiceNeed(NeedId id, String key, String title, String description, LifecycleStage stage,
        DemandClass demandClass, @Nullable String workaround, Instant createdAt, Instant updatedAt,
        @Nullable NeedId mergedInto) {
}

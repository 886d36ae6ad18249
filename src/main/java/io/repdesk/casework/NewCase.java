package io.repdesk.casework;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/** What it takes to open a case. */
public record NewCase(CustomerId customerId, String subject, Priority priority, @Nullable NeedId needId) {
}

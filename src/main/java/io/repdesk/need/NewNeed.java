package io.repdesk.need;

import org.jspecify.annotations.Nullable;

/** What it takes to define a need. */
public record NewNeed(String key, String title, String description, DemandClass demandClass,
        @Nullable String workaround) {
}

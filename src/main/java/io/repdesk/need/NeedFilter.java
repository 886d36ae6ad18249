package io.repdesk.need;

import org.jspecify.annotations.Nullable;

/** Optional filters for listing needs; null means "any". */
public record NeedFilter(@Nullable LifecycleStage stage, @Nullable DemandClass demandClass,
        @Nullable String query) {

    public static NeedFilter any() {
        return new NeedFilter(null, null, null);
    }
}

package io.repdesk.customer;

import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/**
 * What a customer runs and buys: the attributes that cohorts and over-representation analysis use.
 * Any field may be unknown; attributes hold whatever else an integration knows (device, locale …).
 */
public record EnvironmentProfile(@Nullable String product, @Nullable String version, @Nullable String platform,
        @Nullable String plan, @Nullable String region, Map<String, String> attributes) {

    public EnvironmentProfile {
        attributes = attributes == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    public static EnvironmentProfile unknown() {
        return new EnvironmentProfile(null, null, null, null, null, Map.of());
    }
}

package io.repdesk.prevent;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** An environment engineering tests on, described like a customer's environment profile. */
public record TestEnvironment(UUID id, String name, @Nullable String product, @Nullable String platform,
        @Nullable String version, @Nullable String plan, @Nullable String region, Map<String, String> attributes,
        Instant createdAt) {

    public TestEnvironment {
        attributes = java.util.Collections.unmodifiableMap(new TreeMap<>(attributes));
    }

    /** The environment's values in the keys of {@link io.repdesk.customer.EnvironmentCounts}. */
    public Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        add(keys, "product", product);
        add(keys, "platform", platform);
        add(keys, "version", version == null ? null : (platform == null ? "" : platform + " ") + version);
        add(keys, "plan", plan);
        add(keys, "region", region);
        attributes.forEach((k, v) -> keys.add("attributes." + k + "=" + v));
        return keys;
    }

    private static void add(Set<String> keys, String field, @Nullable String value) {
        if (value != null) {
            keys.add(field + "=" + value);
        }
    }
}

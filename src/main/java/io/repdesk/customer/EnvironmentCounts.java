package io.repdesk.customer;

import java.util.Map;

/**
 * How many customers of a group run each environment value, keyed {@code field=value}: {@code product=Wallet},
 * {@code platform=Android}, {@code version=Android 5.2} (versions carry their platform), {@code plan=Business},
 * {@code region=EU} and {@code attributes.device=Pixel 7} for custom attributes.
 *
 * @param customers how many customers the group holds
 */
public record EnvironmentCounts(long customers, Map<String, Long> counts) {

    public EnvironmentCounts {
        counts = Map.copyOf(counts);
    }

    public long of(String key) {
        return counts.getOrDefault(key, 0L);
    }
}

package io.repdesk.shared;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A token bucket per key (a client address, a customer): {@code capacity} requests at once, refilled evenly over
 * {@code window}. Kept in memory on this node; past {@link #MAX_KEYS} keys the buckets start afresh, so a flood of
 * new keys cannot fill the heap.
 */
public final class RateBuckets {

    static final int MAX_KEYS = 100_000;

    private final int capacity;
    private final double perMilli;
    private final Map<String, double[]> buckets = new ConcurrentHashMap<>();

    public RateBuckets(int capacity, Duration window) {
        if (capacity < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("A rate limit needs at least 1 request in a positive window, not "
                    + capacity + " in " + window);
        }
        this.capacity = capacity;
        this.perMilli = capacity / (double) window.toMillis();
    }

    public int capacity() {
        return capacity;
    }

    /** Takes a token from the key's bucket; returns 0, or the milliseconds until one is there. */
    public long take(String key, long nowMillis) {
        if (buckets.size() > MAX_KEYS) {
            buckets.clear();
        }
        double[] bucket = buckets.computeIfAbsent(key, k -> new double[] { capacity, nowMillis });
        synchronized (bucket) {
            // A clock set back (a test's pinned clock, an NTP step) refills nothing rather than draining the bucket.
            bucket[0] = Math.min(capacity, bucket[0] + Math.max(0, nowMillis - bucket[1]) * perMilli);
            bucket[1] = nowMillis;
            if (bucket[0] >= 1) {
                bucket[0] -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - bucket[0]) / perMilli);
        }
    }

    /** Whole seconds to wait for a wait in milliseconds, at least 1: what {@code Retry-After} says. */
    public static long retryAfterSeconds(long waitMillis) {
        return Math.max(1, (waitMillis + 999) / 1000);
    }
}

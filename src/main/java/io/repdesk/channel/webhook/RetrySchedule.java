package io.repdesk.channel.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: 30 s, 2 min, 10 min, 30 min, 1 h, 3 h, 6 h and 12 h after each
 * failure, about 23 hours in all, each stretched or shortened by up to a fifth at random so that deliveries
 * that failed together (a receiver restarting) do not all come back at the same second.
 */
final class RetrySchedule {

    static final List<Duration> DELAYS = List.of(Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(12));

    /** The first attempt and one retry per delay. */
    static final int MAX_ATTEMPTS = DELAYS.size() + 1;

    private static final double JITTER = 0.2;

    private RetrySchedule() {
    }

    /** The wait before the next attempt after {@code failedAttempts} failures, or empty: give up. */
    static Optional<Duration> after(int failedAttempts, RandomGenerator random) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("a retry follows at least one failure, not " + failedAttempts);
        }
        if (failedAttempts >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration delay = DELAYS.get(failedAttempts - 1);
        double factor = 1 - JITTER + 2 * JITTER * random.nextDouble();
        return Optional.of(Duration.ofMillis(Math.round(delay.toMillis() * factor)));
    }
}

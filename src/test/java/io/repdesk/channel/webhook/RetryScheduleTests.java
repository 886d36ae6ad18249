package io.repdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

class RetryScheduleTests {

    /** A generator whose every draw is the same fraction of the range. */
    static RandomGenerator fixed(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    @Test
    void waitsLongerAfterEachFailure() {
        List<Duration> waits = new ArrayList<>();
        for (int failures = 1; failures < RetrySchedule.MAX_ATTEMPTS; failures++) {
            waits.add(RetrySchedule.after(failures, fixed(0.5)).orElseThrow());
        }

        assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(2), Duration.ofMinutes(10),
                Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(3), Duration.ofHours(6),
                Duration.ofHours(12));
        assertThat(waits).isSorted();
    }

    @Test
    void givesUpAfterAboutADay() {
        Duration total = RetrySchedule.DELAYS.stream().reduce(Duration.ZERO, Duration::plus);

        assertThat(RetrySchedule.after(RetrySchedule.MAX_ATTEMPTS, fixed(0.5))).isEmpty();
        assertThat(RetrySchedule.after(RetrySchedule.MAX_ATTEMPTS - 1, fixed(0.5))).isPresent();
        assertThat(total).isBetween(Duration.ofHours(20), Duration.ofHours(25));
    }

    @Test
    void jitterStaysWithinAFifthEitherWay() {
        SplittableRandom seeds = new SplittableRandom(7);
        for (int i = 0; i < 1000; i++) {
            int failures = 1 + seeds.nextInt(RetrySchedule.MAX_ATTEMPTS - 1);
            Duration base = RetrySchedule.DELAYS.get(failures - 1);
            Duration wait = RetrySchedule.after(failures, seeds.split()).orElseThrow();

            assertThat(wait).isBetween(Duration.ofMillis(base.toMillis() * 8 / 10),
                    Duration.ofMillis(base.toMillis() * 12 / 10));
        }
        assertThat(RetrySchedule.after(1, fixed(0))).contains(Duration.ofSeconds(24));
        assertThat(RetrySchedule.after(1, fixed(0.999_999))).contains(Duration.ofSeconds(36));
    }

    @Test
    void spreadsDeliveriesThatFailedTogether() {
        SplittableRandom random = new SplittableRandom(11);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> RetrySchedule.after(3, random).orElseThrow()).distinct().count();

        assertThat(distinct).isGreaterThan(40);
    }

    @Test
    void asksForAtLeastOneFailure() {
        assertThatIllegalArgumentException().isThrownBy(() -> RetrySchedule.after(0, fixed(0.5)));
    }
}

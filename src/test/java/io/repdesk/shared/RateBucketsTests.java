package io.repdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RateBucketsTests {

    @Test
    void aKeyGetsItsCapacityAtOnceThenOneRequestPerShareOfTheWindow() {
        RateBuckets buckets = new RateBuckets(3, Duration.ofMinutes(3));
        for (int i = 0; i < 3; i++) {
            assertThat(buckets.take("10.0.0.1", 0)).isZero();
        }
        assertThat(buckets.take("10.0.0.1", 0)).isEqualTo(60_000);
        assertThat(buckets.take("10.0.0.2", 0)).as("another key has its own bucket").isZero();
        assertThat(buckets.take("10.0.0.1", 60_000)).isZero();
        assertThat(RateBuckets.retryAfterSeconds(60_000)).isEqualTo(60);
        assertThat(RateBuckets.retryAfterSeconds(1)).isEqualTo(1);
    }

    @Test
    void aClockSetBackDoesNotDrainTheBucket() {
        RateBuckets buckets = new RateBuckets(2, Duration.ofMinutes(10));
        assertThat(buckets.take("a", 1_000_000_000L)).isZero();

        assertThat(buckets.take("a", 0)).as("a step back of days").isZero();
        assertThat(buckets.take("a", 300_000)).isZero();
    }

    @Test
    void aLimitNeedsARequestInAPositiveWindow() {
        assertThatThrownBy(() -> new RateBuckets(0, Duration.ofMinutes(1))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> new RateBuckets(1, Duration.ZERO)).hasMessageContaining("positive window");
    }
}

package io.repdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The integration tests' clock: real time until a test pins it, then moved only by the test. */
public final class TestClock extends Clock {

    private volatile @Nullable Instant pinned;

    /** Stops the clock at the instant. */
    public void pin(Instant at) {
        pinned = at;
    }

    /** Moves a pinned clock on. */
    public void advance(Duration by) {
        Instant at = pinned;
        if (at == null) {
            throw new IllegalStateException("pin the clock before moving it");
        }
        pinned = at.plus(by);
    }

    /** Back to real time. */
    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant at = pinned;
        return at != null ? at : Instant.now();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same (pinned or real) time, seen from another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock source = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }

    /** Puts the test clock in place of the system clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}

package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class PublicRateLimitTests {

    @Test
    void refusesBeyondTheBucketAndRefillsOverTheMinute() {
        PublicRateLimit limit = new PublicRateLimit(60, Clock.systemUTC(), JsonMapper.builder().build());
        for (int i = 0; i < 60; i++) {
            assertThat(limit.take("10.0.0.1", 0)).isZero();
        }
        assertThat(limit.take("10.0.0.1", 0)).isEqualTo(1_000);
        assertThat(limit.take("10.0.0.2", 0)).as("another client has its own bucket").isZero();
        assertThat(limit.take("10.0.0.1", 1_000)).as("one token back after a second").isZero();
    }
}

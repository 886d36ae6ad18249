package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class VersionsTests {

    @Test
    void ordersVersionsTheWayPeopleRead() {
        assertThat(Versions.compare("5.10", "5.9")).isPositive();
        assertThat(Versions.compare("5.2.1", "5.2")).isPositive();
        assertThat(Versions.compare("5.2", "5.2.0")).isZero();
        assertThat(Versions.compare("2026.11", "2026.12")).isNegative();
    }

    @Test
    void aFixCoversItsVersionAndLaterOnItsPlatformOnly() {
        FixVersion fix = new FixVersion(java.util.UUID.randomUUID(), null, "Android", "5.3", null, java.time.Instant.EPOCH);
        assertThat(fix.covers("Lumen", "Android", "5.3.1")).isTrue();
        assertThat(fix.covers("Lumen", "Android", "5.2")).isFalse();
        assertThat(fix.covers("Lumen", "iOS", "5.4")).isFalse();
        assertThat(fix.covers("Lumen", "Android", null)).isFalse();
    }

    @Test
    void significanceGrowsWithTheGapBetweenAffectedAndOtherCustomers() {
        assertThat(Significance.pValue(0)).isCloseTo(0.5, within(1e-6));
        assertThat(Significance.pValue(1.6449)).isCloseTo(0.05, within(1e-4));
        assertThat(Significance.pValue(Significance.z(24, 30, 60, 1_000))).isLessThan(1e-9);
        assertThat(Significance.z(3, 30, 100, 1_000)).isCloseTo(0, within(0.01));
    }
}

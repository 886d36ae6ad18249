package io.repdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.repdesk.demo.DemoWorld.Thread;

class DemoGeneratorTests {

    static final DemoCatalog CATALOG = DemoCatalog.load();
    static final Instant END = Instant.parse("2026-11-01T00:00:00Z");

    static DemoWorld world(long seed) {
        return new DemoGenerator(CATALOG, new DemoSettings(true, 100, 1000, 2000, seed, LocalDate.of(2026, 11, 1)),
                END).generate();
    }

    @Test
    void theCatalogHasOneNeedPerIntentWithQueries() {
        assertThat(CATALOG.needs()).hasSize(77);
        assertThat(CATALOG.needs()).allSatisfy(n -> assertThat(CATALOG.queries(n)).hasSizeGreaterThan(30));
        assertThat(CATALOG.needs()).extracting(DemoCatalog.NeedSpec::key).doesNotHaveDuplicates()
                .allMatch(k -> k.matches("[a-z0-9_]+"));
    }

    @Test
    void theSameSeedGivesTheSameWorld() {
        assertThat(world(77)).isEqualTo(world(77));
        assertThat(world(77)).isNotEqualTo(world(78));
    }

    @Test
    void sixMonthsOfHistoryEndBeforeTheLastDay() {
        DemoWorld world = world(77);
        List<Instant> times = world.cases().stream().flatMap(t -> t.messages().stream())
                .map(DemoWorld.Message::occurredAt).toList();
        assertThat(times).allMatch(t -> !t.isAfter(END));
        assertThat(times).anyMatch(t -> t.isBefore(END.minus(Duration.ofDays(150))));
        assertThat(world.contactCount()).isGreaterThan(world.cases().size());
    }

    @Test
    void youngNeedsSpikeAfterTheReleaseOnTheirPlatform() {
        DemoWorld world = world(77);
        Instant release = END.minus(Duration.ofDays(DemoGenerator.RELEASE_DAYS_AGO));
        List<Thread> contactless = world.cases().stream().filter(t -> "contactless_not_working".equals(t.needKey()))
                .toList();
        long afterRelease = contactless.stream().filter(t -> t.messages().getFirst().occurredAt().isAfter(release))
                .count();
        long onAndroid52 = contactless.stream().map(t -> world.customers().get(t.customer()).environment())
                .filter(e -> "Android".equals(e.platform()) && "5.2".equals(e.version())).count();
        assertThat(afterRelease).isGreaterThan(contactless.size() * 8L / 10);
        assertThat(onAndroid52).isGreaterThan(contactless.size() * 7L / 10);
    }

    @Test
    void theEmergingQuestionHasNoNeedAndStaysInTriage() {
        List<Thread> emerging = world(77).cases().stream()
                .filter(t -> DemoGenerator.EMERGING.equals(t.intent())).toList();
        assertThat(emerging).isNotEmpty().allMatch(t -> t.needKey() == null);
    }

    @Test
    void oldCasesAreClosedAndRecentOnesMostlyOpen() {
        DemoWorld world = world(77);
        Instant recent = END.minus(Duration.ofDays(DemoGenerator.RECENT_DAYS));
        assertThat(world.cases()).filteredOn(t -> t.lastAt().isBefore(recent)).allMatch(t -> !t.status().isOpen());
        assertThat(world.cases()).filteredOn(t -> t.status().isOpen()).hasSizeGreaterThan(50);
    }
}

package io.repdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class SlaWorkloadTests {

    @Test
    void theSameSeedGivesTheSameCasesAndTheSameBreaches() {
        Instant now = Instant.parse("2025-11-03T15:00:00Z");
        var policy = SlaWorkload.policy(SlaWorkload.newYorkOffice());

        var cases = SlaWorkload.openCases(2000, 5, now);

        assertThat(cases).hasSize(2000).isEqualTo(SlaWorkload.openCases(2000, 5, now));
        long breached = SlaWorkload.recompute(policy, cases, now);
        assertThat(breached).isPositive().isLessThan(3 * 2000).isEqualTo(SlaWorkload.recompute(policy, cases, now));
    }
}

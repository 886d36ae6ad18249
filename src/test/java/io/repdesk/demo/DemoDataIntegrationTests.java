package io.repdesk.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.security.AgentAccounts;
import io.repdesk.shared.PageRequest;

@RepdeskIntegrationTest
class DemoDataIntegrationTests {

    @Autowired
    DemoData demo;

    @Autowired
    NeedManagement needs;

    @Autowired
    CaseManagement cases;

    @Autowired
    AgentAccounts agents;

    @Test
    void theDemoIsLoadedOnceWithNeedsCasesAndAgents() {
        long casesBefore = cases.list(CaseFilter.any(), PageRequest.first(1)).total();

        assertThat(demo.loadOnce()).isFalse();

        assertThat(cases.list(CaseFilter.any(), PageRequest.first(1)).total()).isEqualTo(casesBefore)
                .isGreaterThan(350);
        assertThat(DemoCatalog.load().needs()).filteredOn(n -> !n.key().equals(DemoGenerator.EMERGING))
                .hasSize(76).allSatisfy(n -> assertThat(needs.byKey(n.key())).isPresent());
        assertThat(needs.byKey(DemoGenerator.EMERGING)).isEmpty();
        assertThat(needs.byKey("card_arrival")).get().extracting(n -> n.title()).isEqualTo("My card hasn't arrived");
        assertThat(cases.list(CaseFilter.openInTriage(), PageRequest.first(1)).total()).isPositive();
        assertThat(agents.all()).extracting(a -> a.username() + " " + a.role()).contains("agent TIER_1_AGENT",
                "sam.tier2 TIER_2_AGENT", "eli.engineer ENGINEER", "kim.author KNOWLEDGE_AUTHOR",
                "ari.accounts ACCOUNT_MANAGER", "manager MANAGER", "admin ADMIN");
    }

    @Autowired
    io.repdesk.casework.SlaManagement sla;

    @Autowired
    io.repdesk.casework.EscalationManagement escalations;

    @Test
    void theDemoComesWithSupportHoursPromisesTeamsAndRulesAndDatesItsHistory() {
        assertThat(sla.calendars()).extracting(c -> c.name()).contains("Lumen support hours");
        assertThat(sla.policies()).extracting(p -> p.name()).contains("Premium plan contract",
                "Business plan contract", "Urgent cases target");
        assertThat(escalations.teams()).extracting(t -> t.name()).contains("Front desk", "Payments specialists",
                "App engineering");
        assertThat(escalations.rules()).extracting(r -> r.name()).contains("Premium breach goes to specialists");
        java.time.Instant demoToday = java.time.Instant.parse("2026-11-01T00:00:00Z");
        var resolved = cases.list(new CaseFilter(io.repdesk.casework.CaseStatus.RESOLVED, null, null, null, null, null),
                new PageRequest(0, 200)).items().stream().filter(c -> c.openedAt().isBefore(demoToday)).toList();
        assertThat(resolved).isNotEmpty().allSatisfy(c -> assertThat(c.statusChangedAt())
                .isBefore(demoToday.plus(java.time.Duration.ofDays(1))).isAfter(c.openedAt()));
    }
}

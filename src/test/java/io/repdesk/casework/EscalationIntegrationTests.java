package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.InvalidInput;

@RepdeskIntegrationTest
class EscalationIntegrationTests {

    static final Instant MONDAY_10_BERLIN = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired
    EscalationManagement escalations;

    @Autowired
    SlaManagement sla;

    @Autowired
    CaseManagement cases;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    Journal journal;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void escalatesToTier2WhenFirstResponseBreachesAndTheLeastLoadedAgentTakesIt() {
        String plan = "Escalate-" + UUID.randomUUID();
        ServiceCalendar hours = sla.defineCalendar(null, new SlaManagement.NewCalendar("Desk " + plan, "Europe/Berlin",
                Map.of(DayOfWeek.MONDAY, List.of("09:00-17:00")), Map.of()));
        sla.definePolicy(null, new SlaManagement.NewPolicy("Promise " + plan, ServicePolicy.Kind.FORMAL, 1, hours.id(),
                Duration.ofHours(1), null, null, Set.of(), Duration.ofMinutes(15),
                new SlaConditions(null, plan, null, null, null), true));
        Team tier2 = escalations.defineTeam(null, new EscalationManagement.NewTeam("Second line " + plan, Tier.TIER_2,
                Team.Assignment.LEAST_LOADED, List.of(new Team.Member("busy-" + plan, true),
                        new Team.Member("free-" + plan, true), new Team.Member("away-" + plan, false))));
        EscalationRule rule = escalations.defineRule(null, new EscalationManagement.NewRule("Breach " + plan,
                EscalationRule.Trigger.SLA_BREACH, null, null, plan, Tier.TIER_2, tier2.id(), true, true, 1));
        clock.pin(MONDAY_10_BERLIN);
        CaseId loaded = newCase("Other-" + plan, "Already with the busy agent, under no policy");
        cases.assign(loaded, "busy-" + plan);
        CaseId caseId = newCase(plan, "Card reader pairing fails after the update");

        clock.advance(Duration.ofMinutes(30));
        sla.recompute();
        escalations.evaluate();
        assertThat(cases.get(caseId).tier()).isEqualTo(Tier.TIER_1);

        clock.advance(Duration.ofMinutes(45));
        sla.recompute();
        escalations.evaluate();
        escalations.evaluate();

        SupportCase moved = cases.get(caseId);
        assertThat(moved.tier()).isEqualTo(Tier.TIER_2);
        assertThat(moved.teamId()).isEqualTo(tier2.id());
        assertThat(moved.assignee()).isEqualTo("free-" + plan);
        assertThat(escalations.escalations(caseId)).singleElement().satisfies(e -> {
            assertThat(e.rule()).isEqualTo(rule.name());
            assertThat(e.by()).isEqualTo(Journal.SYSTEM_ACTOR);
            assertThat(e.reason()).contains("SLA breached");
            assertThat(e.toTeam()).isEqualTo(tier2.name());
        });
        assertThat(journal.forStream("case", caseId.value())).extracting(JournalEntry::type)
                .containsOnlyOnce("CaseEscalated");
    }

    @Test
    void aPersonEscalatesWithAReasonAndRoundRobinTakesTurns() {
        String plan = "Manual-" + UUID.randomUUID();
        Team tier3 = escalations.defineTeam(null, new EscalationManagement.NewTeam("Specialists " + plan, Tier.TIER_3,
                Team.Assignment.ROUND_ROBIN, List.of(new Team.Member("ann-" + plan, true),
                        new Team.Member("bob-" + plan, true))));
        CaseId first = newCase(plan, "Webhook signatures do not verify");
        CaseId second = newCase(plan, "Webhook retries never stop");

        assertThatThrownBy(() -> escalations.escalate(first, null, tier3.id(), " ")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("reason");
        escalations.escalate(first, null, tier3.id(), "Needs a specialist for signatures");
        escalations.escalate(second, Tier.TIER_3, tier3.id(), "Same specialists");

        assertThat(List.of(cases.get(first).assignee(), cases.get(second).assignee()))
                .containsExactly("ann-" + plan, "bob-" + plan);
        assertThatThrownBy(() -> escalations.escalate(first, Tier.TIER_2, null, "Back down"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("above the case's tier");
        assertThat(escalations.escalations(first).getFirst().by()).isNotBlank();
    }

    @Test
    void aCaseIsPutInTheQueueOfATeamOfItsOwnTier() {
        String plan = "Queue-" + UUID.randomUUID();
        Team frontDesk = escalations.defineTeam(null, new EscalationManagement.NewTeam("Desk " + plan, Tier.TIER_1,
                Team.Assignment.ROUND_ROBIN, List.of(new Team.Member("desk-" + plan, true))));
        Team secondLine = escalations.defineTeam(null, new EscalationManagement.NewTeam("Second " + plan, Tier.TIER_2,
                Team.Assignment.MANUAL, List.of()));
        CaseId caseId = newCase(plan, "Statement download is slow");

        SupportCase queued = escalations.queue(caseId, frontDesk.id());

        assertThat(queued.teamId()).isEqualTo(frontDesk.id());
        assertThat(queued.tier()).isEqualTo(Tier.TIER_1);
        assertThat(queued.assignee()).isEqualTo("desk-" + plan);
        assertThat(escalations.queue(frontDesk.id(), null, io.repdesk.shared.PageRequest.first(10)).items())
                .extracting(e -> e.supportCase().id()).containsExactly(caseId);
        assertThatThrownBy(() -> escalations.queue(caseId, secondLine.id())).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("escalate");
        assertThat(journal.forStream("case", caseId.value())).extracting(JournalEntry::type).contains("CaseQueued");
    }

    @Test
    void rulesWithoutATargetOrWithTheWrongTeamAreRefused() {
        String plan = "Bad-" + UUID.randomUUID();
        Team tier2 = escalations.defineTeam(null, new EscalationManagement.NewTeam("Line two " + plan, Tier.TIER_2,
                Team.Assignment.MANUAL, List.of()));

        assertThatThrownBy(() -> escalations.defineRule(null, new EscalationManagement.NewRule("Nowhere " + plan,
                EscalationRule.Trigger.SLA_BREACH, null, null, null, null, null, true, true, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("toTier");
        assertThatThrownBy(() -> escalations.defineRule(null, new EscalationManagement.NewRule("Mismatch " + plan,
                EscalationRule.Trigger.SLA_BREACH, null, null, null, Tier.TIER_3, tier2.id(), true, true, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("toTeamId").hasMessageContaining("TIER_2");
        assertThatThrownBy(() -> escalations.defineRule(null, new EscalationManagement.NewRule("Triage " + plan,
                EscalationRule.Trigger.NEED_UNKNOWN, null, null, null, Tier.TIER_2, null, false, true, 1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("needUnknownHours");
        assertThatThrownBy(() -> escalations.defineTeam(null, new EscalationManagement.NewTeam("Twice " + plan,
                Tier.TIER_2, Team.Assignment.ROUND_ROBIN, List.of(new Team.Member("x", true),
                        new Team.Member("x", false))))).isInstanceOf(InvalidInput.class).hasMessageContaining("twice");
    }

    @Test
    void anOptionalRuleIsOfferedOnTheCaseInsteadOfApplied() {
        String plan = "Offer-" + UUID.randomUUID();
        EscalationRule offered = escalations.defineRule(null, new EscalationManagement.NewRule("Urgent to tier 2 "
                + plan, EscalationRule.Trigger.PRIORITY, null, Priority.HIGH, plan, Tier.TIER_2, null, false, true, 1));
        CaseId caseId = newCase(plan, "Everything is down");
        cases.changePriority(caseId, Priority.URGENT);

        escalations.evaluate();

        assertThat(cases.get(caseId).tier()).isEqualTo(Tier.TIER_1);
        assertThat(escalations.suggestions(caseId)).filteredOn(s -> s.rule().id().equals(offered.id()))
                .singleElement().satisfies(s -> assertThat(s.reason()).contains("Priority URGENT"));
    }

    @Test
    void mandatoryRulesMoveTheCasesTheirTriggerAndPlanSelectOnce() {
        String triage = "Triage-" + UUID.randomUUID();
        String urgent = "Urgent-" + UUID.randomUUID();
        String premium = "Premium-" + UUID.randomUUID();
        escalations.defineRule(null, new EscalationManagement.NewRule("Unknown " + triage,
                EscalationRule.Trigger.NEED_UNKNOWN, 2, null, triage, Tier.TIER_2, null, true, true, 1));
        escalations.defineRule(null, new EscalationManagement.NewRule("High " + urgent,
                EscalationRule.Trigger.PRIORITY, null, Priority.HIGH, urgent, Tier.TIER_3, null, true, true, 1));
        escalations.defineRule(null, new EscalationManagement.NewRule("Plan " + premium,
                EscalationRule.Trigger.CUSTOMER_PLAN, null, null, premium, Tier.TIER_2, null, true, true, 1));
        clock.pin(MONDAY_10_BERLIN);
        CaseId waitedLong = newCase(triage, "Nobody knows what this is about");
        CaseId otherPlan = newCase("Other-" + triage, "Nobody knows this one either");
        clock.advance(Duration.ofHours(2));
        CaseId justIn = newCase(triage, "Just arrived, nobody knows yet");
        CaseId high = newCase(urgent, "The shop is down");
        cases.changePriority(high, Priority.HIGH);
        CaseId normal = newCase(urgent, "A typo on the invoice");
        CaseId premiumCase = newCase(premium, "Question about the contract");
        clock.advance(Duration.ofHours(1));

        escalations.evaluate();
        escalations.evaluate();

        assertThat(cases.get(waitedLong).tier()).isEqualTo(Tier.TIER_2);
        assertThat(cases.get(otherPlan).tier()).as("a customer on another plan").isEqualTo(Tier.TIER_1);
        assertThat(cases.get(justIn).tier()).as("in triage for only an hour").isEqualTo(Tier.TIER_1);
        assertThat(cases.get(high).tier()).isEqualTo(Tier.TIER_3);
        assertThat(cases.get(normal).tier()).isEqualTo(Tier.TIER_1);
        assertThat(cases.get(premiumCase).tier()).isEqualTo(Tier.TIER_2);
        for (CaseId moved : List.of(waitedLong, high, premiumCase)) {
            assertThat(escalations.escalations(moved)).as("a rule moves a case once").hasSize(1);
        }
    }

    private CaseId newCase(String plan, String text) {
        var customer = customers.register(new NewCustomer(null, "Escalation Tester", "esc-" + UUID.randomUUID()
                + "@example.test", new EnvironmentProfile(null, null, null, plan, null, Map.of()), null)).id();
        return contacts.record(new NewContact(customer, null, Channel.PORTAL, Direction.INBOUND, clock.instant(), text,
                text, null, null, null, null)).contact().caseId();
    }
}

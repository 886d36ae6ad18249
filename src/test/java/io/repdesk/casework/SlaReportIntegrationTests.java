package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;

@RepdeskIntegrationTest
class SlaReportIntegrationTests {

    /** Monday 23 November 2026, 10:00 in Berlin. */
    static final Instant MONDAY_10_BERLIN = Instant.parse("2026-11-23T09:00:00Z");
    static final LocalDate WEEK_1 = LocalDate.parse("2026-11-23");
    static final LocalDate WEEK_2 = LocalDate.parse("2026-11-30");

    @Autowired
    EscalationManagement escalations;

    @Autowired
    SlaManagement sla;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    TestClock clock;

    @Autowired
    SlaStore store;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void countsTheTargetsMetPerPolicyAndWeekOfOpeningAndKeepsRecordedBreachesMissed() {
        String plan = "Report-" + UUID.randomUUID();
        ServiceCalendar hours = berlinOfficeHours(plan);
        SlaManagement.NewPolicy promise = new SlaManagement.NewPolicy("Report " + plan, ServicePolicy.Kind.FORMAL,
                -1_000, hours.id(), Duration.ofHours(4), null, Duration.ofHours(8), Set.of(), Duration.ZERO,
                new SlaConditions(null, plan, null, null, null), true);
        ServicePolicy policy = sla.definePolicy(null, promise);
        CustomerId customer = customer(plan);

        clock.pin(MONDAY_10_BERLIN);
        CaseId onTime = inbound(customer, "Exports are slow");
        CaseId late = inbound(customer, "Exports are empty");
        inbound(customer("Other-" + plan), "Not covered by the policy");
        clock.advance(Duration.ofHours(1));
        reply(customer, onTime);
        clock.advance(Duration.ofHours(1));
        cases.changeStatus(onTime, CaseStatus.RESOLVED);
        clock.advance(Duration.ofHours(3));
        sla.recompute();
        reply(customer, late);
        clock.advance(Duration.ofHours(2));
        cases.changeStatus(late, CaseStatus.RESOLVED);

        clock.pin(Instant.parse("2026-11-30T09:00:00Z"));
        CaseId answered = inbound(customer, "Invoices are missing");
        CaseId noReplyNeeded = inbound(customer, "Please ignore my last message");
        clock.advance(Duration.ofMinutes(15));
        cases.changeStatus(noReplyNeeded, CaseStatus.RESOLVED);
        clock.advance(Duration.ofMinutes(15));
        reply(customer, answered);
        sla.recompute();

        SlaReport.PolicyFigures figures = figures(sla.report(WEEK_1, LocalDate.parse("2026-12-06")), policy);
        assertThat(figures.weeks()).extracting(SlaReport.WeekFigures::week).containsExactly(WEEK_1, WEEK_2);
        assertThat(figures.weeks().get(0).firstResponse()).isEqualTo(new SlaReport.Tally(1, 1, 0));
        assertThat(figures.weeks().get(0).resolution()).isEqualTo(new SlaReport.Tally(2, 0, 0));
        assertThat(figures.weeks().get(1).firstResponse()).isEqualTo(new SlaReport.Tally(1, 0, 0));
        assertThat(figures.weeks().get(1).resolution()).isEqualTo(new SlaReport.Tally(1, 0, 1));
        assertThat(figures.firstResponse().percentMet()).isCloseTo(66.67, org.assertj.core.data.Offset.offset(0.01));
        assertThat(figures.resolution().percentMet()).isEqualTo(100.0);

        sla.definePolicy(policy.id(), new SlaManagement.NewPolicy(promise.name(), promise.kind(), promise.rank(),
                hours.id(), Duration.ofHours(8), null, Duration.ofHours(8), Set.of(), Duration.ZERO,
                promise.conditions(), true));
        sla.recompute(); // the looser policy applies to open cases from now; resolved ones keep how they ended
        SlaReport firstWeek = sla.report(WEEK_1, LocalDate.parse("2026-11-29"));
        assertThat(firstWeek.weeks()).containsExactly(WEEK_1);
        assertThat(figures(firstWeek, policy).firstResponse().percentMet()).isEqualTo(50.0);
    }

    @Test
    void teamFiguresFollowTheTeamHoldingEachCase() {
        String plan = "Teams-" + UUID.randomUUID();
        ServicePolicy policy = sla.definePolicy(null, new SlaManagement.NewPolicy("By team " + plan,
                ServicePolicy.Kind.FORMAL, -1_000, berlinOfficeHours(plan).id(), Duration.ofHours(4), null, null,
                Set.of(), Duration.ZERO, new SlaConditions(null, plan, null, null, null), true));
        Team team = escalations.defineTeam(null, new EscalationManagement.NewTeam("Line two " + plan, Tier.TIER_2,
                Team.Assignment.MANUAL, java.util.List.of()));
        CustomerId customer = customer(plan);
        clock.pin(MONDAY_10_BERLIN);
        CaseId answered = inbound(customer, "Payslips are late");
        CaseId escalated = inbound(customer, "Payslips show last month");
        escalations.escalate(escalated, null, team.id(), "Payroll specialists");
        clock.advance(Duration.ofHours(1));
        reply(customer, answered);
        clock.advance(Duration.ofHours(5));
        sla.recompute();

        SlaReport.PolicyFigures figures = figures(sla.report(WEEK_1, WEEK_1.plusDays(6)), policy);

        assertThat(figures.teams()).extracting(SlaReport.TeamFigures::team)
                .containsExactly(team.name(), SlaReporting.NO_TEAM);
        assertThat(figures.teams().get(0).firstResponse()).isEqualTo(new SlaReport.Tally(0, 1, 0));
        assertThat(figures.teams().get(1).firstResponse()).isEqualTo(new SlaReport.Tally(1, 0, 0));
    }

    @Test
    void aCaseResolvedBetweenPassesCountsOnceAndADeactivatedPolicyKeepsOnlyTheResolvedCases() {
        String plan = "Settle-" + UUID.randomUUID();
        ServiceCalendar hours = berlinOfficeHours(plan);
        SlaManagement.NewPolicy promise = new SlaManagement.NewPolicy("Settle " + plan, ServicePolicy.Kind.FORMAL,
                -1_000, hours.id(), Duration.ofHours(4), null, Duration.ofHours(8), Set.of(), Duration.ZERO,
                new SlaConditions(null, plan, null, null, null), true);
        ServicePolicy policy = sla.definePolicy(null, promise);
        CustomerId customer = customer(plan);
        clock.pin(MONDAY_10_BERLIN);
        CaseId quick = inbound(customer, "The reset mail never came");
        clock.advance(Duration.ofMinutes(30));
        reply(customer, quick);
        clock.advance(Duration.ofMinutes(10));
        cases.changeStatus(quick, CaseStatus.RESOLVED);
        CaseId waiting = inbound(customer, "Codes expire at once");
        clock.advance(Duration.ofMinutes(5));

        sla.recompute();
        SlaReport.PolicyFigures figures = figures(sla.report(WEEK_1, WEEK_1.plusDays(6)), policy);
        assertThat(figures.firstResponse()).isEqualTo(new SlaReport.Tally(1, 0, 1));
        assertThat(figures.resolution()).isEqualTo(new SlaReport.Tally(1, 0, 1));

        sla.recompute();
        store.foldTallies();
        assertThat(figures(sla.report(WEEK_1, WEEK_1.plusDays(6)), policy)).isEqualTo(figures);
        assertThat(tallied(policy)).isEqualTo(counted(policy));
        String version = clocksVersion(waiting);
        sla.recompute();
        assertThat(jdbc.sql("select count(*) from casework_sla_tally_delta where policy_id = ?")
                .param(policy.id().value()).query(Long.class).single())
                .as("a pass that finds nothing changed writes no outcome").isZero();
        assertThat(clocksVersion(waiting)).as("nor rewrites the open case's clocks").isEqualTo(version);
        clock.advance(Duration.ofHours(5));
        sla.recompute();
        assertThat(clocksVersion(waiting)).as("clocks that changed are written").isNotEqualTo(version);
        assertThat(jdbc.sql("select breached from casework_case_sla where case_id = ?").param(waiting.value())
                .query(Boolean.class).single()).isTrue();

        sla.definePolicy(policy.id(), new SlaManagement.NewPolicy(promise.name(), promise.kind(), promise.rank(),
                hours.id(), Duration.ofHours(4), null, Duration.ofHours(8), Set.of(), Duration.ZERO,
                promise.conditions(), false));
        sla.recompute();
        SlaReport.PolicyFigures inactive = figures(sla.report(WEEK_1, WEEK_1.plusDays(6)), policy);
        assertThat(inactive.firstResponse()).isEqualTo(new SlaReport.Tally(1, 0, 0));
        assertThat(inactive.resolution()).isEqualTo(new SlaReport.Tally(1, 0, 0));
        store.foldTallies();
        assertThat(tallied(policy)).isEqualTo(counted(policy));
    }

    /** The row version of the case's stored clocks: it changes whenever the row is written. */
    private String clocksVersion(CaseId id) {
        return jdbc.sql("select xmin::text from casework_case_sla where case_id = ?").param(id.value())
                .query(String.class).single();
    }

    /** The report's counts for one policy, by target and outcome. */
    private Map<String, Long> tallied(ServicePolicy policy) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        store.tallies(WEEK_1.minusYears(1), WEEK_2.plusYears(1)).stream()
                .filter(t -> t.policyId().equals(policy.id()))
                .forEach(t -> counts.merge(t.target() + " " + t.kind(), t.cases(), Long::sum));
        return counts;
    }

    /** The stored outcomes of one policy, counted directly. */
    private Map<String, Long> counted(ServicePolicy policy) {
        Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.sql("select target, outcome, count(*) as n from casework_sla_outcome where policy_id = ?"
                + " group by target, outcome").param(policy.id().value())
                .query(rs -> {
                    counts.put(rs.getString("target") + " " + SlaOutcome.Kind.values()[rs.getInt("outcome")],
                            rs.getLong("n"));
                });
        return counts;
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefused() {
        assertThatThrownBy(() -> sla.report(WEEK_2, WEEK_1)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).field()).isEqualTo("to"));
    }

    private static SlaReport.PolicyFigures figures(SlaReport report, ServicePolicy policy) {
        return report.policies().stream().filter(f -> f.policy().id().equals(policy.id())).findFirst().orElseThrow();
    }

    private ServiceCalendar berlinOfficeHours(String suffix) {
        List<String> nineToFive = List.of("09:00-17:00");
        return sla.defineCalendar(null, new SlaManagement.NewCalendar("Report office " + suffix, "Europe/Berlin",
                Map.of(DayOfWeek.MONDAY, nineToFive, DayOfWeek.TUESDAY, nineToFive, DayOfWeek.WEDNESDAY, nineToFive,
                        DayOfWeek.THURSDAY, nineToFive, DayOfWeek.FRIDAY, nineToFive), Map.of()));
    }

    private CaseId inbound(CustomerId customer, String text) {
        return contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND, clock.instant(), text,
                text, null, UUID.randomUUID().toString(), null, null)).contact().caseId();
    }

    private void reply(CustomerId customer, CaseId caseId) {
        contacts.record(new NewContact(customer, caseId, Channel.EMAIL, Direction.OUTBOUND, clock.instant(),
                "Re: your case", "We are on it.", "agent", UUID.randomUUID().toString(), null, null));
    }

    private CustomerId customer(String plan) {
        return customers.register(new NewCustomer(null, "Report Tester", "report-" + UUID.randomUUID()
                + "@example.test", new EnvironmentProfile(null, null, null, plan, null, Map.of()), null)).id();
    }
}

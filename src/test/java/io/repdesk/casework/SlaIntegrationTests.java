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
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.sla.ClockState;
import io.repdesk.sla.ClockStatus;
import io.repdesk.sla.SlaTarget;

@RepdeskIntegrationTest
class SlaIntegrationTests {

    /** Monday 23 November 2026, 10:00 in Berlin. */
    static final Instant MONDAY_10_BERLIN = Instant.parse("2026-11-23T09:00:00Z");

    @Autowired
    SlaManagement sla;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    Journal journal;

    @Autowired
    TestClock clock;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void firstResponseWarnsThenBreachesInBusinessHoursAndTheBreachIsRecordedOnce() {
        String plan = "Business-" + UUID.randomUUID();
        ServiceCalendar hours = berlinOfficeHours();
        ServicePolicy promise = sla.definePolicy(null, new SlaManagement.NewPolicy("Contract " + plan,
                ServicePolicy.Kind.FORMAL, 1, hours.id(), Duration.ofHours(4), null, Duration.ofHours(16),
                Set.of(CaseStatus.WAITING_ON_CUSTOMER), Duration.ofHours(1),
                new SlaConditions(null, plan, null, null, null), true));
        clock.pin(MONDAY_10_BERLIN);
        CaseId caseId = inbound(customer(plan), null, "The nightly export stopped on Friday");

        ClockState first = clock(caseId, promise, SlaTarget.FIRST_RESPONSE);
        assertThat(first.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(first.dueAt()).isEqualTo(Instant.parse("2026-11-23T13:00:00Z"));

        clock.advance(Duration.ofMinutes(210));
        assertThat(clock(caseId, promise, SlaTarget.FIRST_RESPONSE).status()).isEqualTo(ClockStatus.WARNING);

        clock.advance(Duration.ofHours(1));
        assertThat(clock(caseId, promise, SlaTarget.FIRST_RESPONSE).status()).isEqualTo(ClockStatus.BREACHED);
        sla.recompute();
        sla.recompute();

        assertThat(sla.slaOf(caseId).breaches()).singleElement()
                .satisfies(b -> assertThat(b.target()).isEqualTo(SlaTarget.FIRST_RESPONSE));
        assertThat(journal.forStream("case", caseId.value())).extracting(JournalEntry::type).containsOnlyOnce(
                "SlaBreached");
    }

    @Test
    void theResolutionClockPausesWhileWaitingOnTheCustomerAndResumesOnTheirReply() {
        String plan = "Pause-" + UUID.randomUUID();
        ServicePolicy promise = sla.definePolicy(null, new SlaManagement.NewPolicy("Resolution " + plan,
                ServicePolicy.Kind.FORMAL, 1, berlinOfficeHours().id(), null, null, Duration.ofHours(16),
                Set.of(CaseStatus.WAITING_ON_CUSTOMER), Duration.ZERO, new SlaConditions(null, plan, null, null, null),
                true));
        clock.pin(MONDAY_10_BERLIN);
        CustomerId customer = customer(plan);
        CaseId caseId = inbound(customer, null, "Invoices show the wrong company address");
        clock.advance(Duration.ofHours(2));
        cases.changeStatus(caseId, CaseStatus.WAITING_ON_CUSTOMER);

        clock.advance(Duration.ofDays(2));
        ClockState paused = clock(caseId, promise, SlaTarget.RESOLUTION);
        assertThat(paused.status()).isEqualTo(ClockStatus.PAUSED);
        assertThat(paused.elapsed()).isEqualTo(Duration.ofHours(2));

        inbound(customer, caseId, "Here is the address we want on them");
        clock.advance(Duration.ofHours(1));
        ClockState resumed = clock(caseId, promise, SlaTarget.RESOLUTION);
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(resumed.status()).isEqualTo(ClockStatus.RUNNING);
        assertThat(resumed.elapsed()).isEqualTo(Duration.ofHours(3));
    }

    @Test
    void aFormalPromiseAndAnInternalTargetBothApplyTheLowestRankFirst() {
        String plan = "Both-" + UUID.randomUUID();
        ServiceCalendar hours = berlinOfficeHours();
        SlaConditions forPlan = new SlaConditions(null, plan, null, null, null);
        sla.definePolicy(null, new SlaManagement.NewPolicy("Later " + plan, ServicePolicy.Kind.FORMAL, 9, hours.id(),
                Duration.ofHours(8), null, null, Set.of(), Duration.ZERO, forPlan, true));
        ServicePolicy first = sla.definePolicy(null, new SlaManagement.NewPolicy("First " + plan,
                ServicePolicy.Kind.FORMAL, -5, hours.id(), Duration.ofHours(4), null, null, Set.of(), Duration.ZERO,
                forPlan, true));
        ServicePolicy internal = sla.definePolicy(null, new SlaManagement.NewPolicy("Team " + plan,
                ServicePolicy.Kind.INFORMAL, -5, hours.id(), Duration.ofHours(1), null, null, Set.of(), Duration.ZERO,
                forPlan, true));

        CaseId caseId = inbound(customer(plan), null, "Two-factor codes arrive late");

        assertThat(sla.slaOf(caseId).policies()).extracting(p -> p.policy().id()).containsExactly(first.id(),
                internal.id());
    }

    @Test
    void badCalendarsAndPoliciesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> sla.defineCalendar(null, new SlaManagement.NewCalendar("Overlap " + UUID.randomUUID(),
                "Europe/Berlin", Map.of(DayOfWeek.TUESDAY, List.of("09:00-12:00", "11:00-14:00")), Map.of())))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("TUESDAY").hasMessageContaining("overlap");
        assertThatThrownBy(() -> sla.defineCalendar(null, new SlaManagement.NewCalendar("Nowhere " + UUID.randomUUID(),
                "Mars/Olympus", Map.of(DayOfWeek.MONDAY, List.of("09:00-17:00")), Map.of())))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("zone");
        ServiceCalendar hours = berlinOfficeHours();
        assertThatThrownBy(() -> sla.definePolicy(null, new SlaManagement.NewPolicy("No target " + UUID.randomUUID(),
                ServicePolicy.Kind.INFORMAL, 1, hours.id(), null, null, null, Set.of(), Duration.ZERO,
                SlaConditions.any(), true))).isInstanceOf(InvalidInput.class).hasMessageContaining("target");
        assertThatThrownBy(() -> sla.definePolicy(null, new SlaManagement.NewPolicy("Lost " + UUID.randomUUID(),
                ServicePolicy.Kind.INFORMAL, 1, io.repdesk.shared.CalendarId.random(), Duration.ofHours(1), null, null,
                Set.of(), Duration.ZERO, SlaConditions.any(), true))).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("calendarId");
    }

    @Test
    void aPassEvaluatesTheCasesThatChangedOrCameDueAndEveryOpenCaseWhenAPolicyChanged() {
        String plan = "Due-" + UUID.randomUUID();
        ServiceCalendar hours = berlinOfficeHours();
        SlaManagement.NewPolicy promised = new SlaManagement.NewPolicy("Due " + plan, ServicePolicy.Kind.FORMAL, 1,
                hours.id(), Duration.ofHours(4), null, Duration.ofHours(16), Set.of(), Duration.ofHours(1),
                new SlaConditions(null, plan, null, null, null), true);
        ServicePolicy promise = sla.definePolicy(null, promised);
        clock.pin(MONDAY_10_BERLIN);
        CustomerId customer = customer(plan);
        CaseId caseId = inbound(customer, null, "Scheduled reports arrive empty");

        assertThat(sla.recompute().full()).as("the policies changed since the last pass over every open case").isTrue();
        // a warning lead of 1 h before the first response is due at 14:00 Berlin (13:00 UTC)
        assertThat(stored(caseId)).isEqualTo(new Stored(false, false, Instant.parse("2026-11-23T12:00:00Z")));
        clock.advance(Duration.ofMinutes(30));
        assertThat(sla.recompute().full()).isFalse();
        assertThat(stored(caseId)).isEqualTo(new Stored(false, false, Instant.parse("2026-11-23T12:00:00Z")));

        clock.advance(Duration.ofMinutes(2 * 60 + 35)); // 13:05 Berlin: the warning came, nothing else happened
        assertThat(sla.recompute().full()).isFalse();
        assertThat(stored(caseId)).as("evaluated because its warning came")
                .isEqualTo(new Stored(true, false, Instant.parse("2026-11-23T13:00:00Z")));

        contacts.record(new NewContact(customer, caseId, Channel.EMAIL, Direction.OUTBOUND, clock.instant(),
                "Re: reports", "We are looking at the report job.", "agent", null, null, null));
        sla.recompute();
        Stored answered = stored(caseId);
        assertThat(answered.atRisk()).as("evaluated because it was answered").isFalse();
        assertThat(answered.checkAt()).as("the resolution clock's warning, 15 business hours after opening")
                .isEqualTo(Instant.parse("2026-11-24T16:00:00Z"));

        clock.advance(Duration.ofDays(2)); // Wednesday 13:05: the resolution target passed on Tuesday
        sla.recompute();
        assertThat(stored(caseId)).isEqualTo(new Stored(false, true, null));
        assertThat(sla.slaOf(caseId).breaches()).extracting(SlaBreach::target).containsExactly(SlaTarget.RESOLUTION);

        sla.definePolicy(promise.id(), new SlaManagement.NewPolicy(promised.name(), promised.kind(), promised.rank(),
                hours.id(), Duration.ofHours(4), null, Duration.ofHours(80), Set.of(), Duration.ofHours(1),
                promised.conditions(), true));
        SlaManagement.Recomputed afterChange = sla.recompute();
        assertThat(afterChange.full()).isTrue();
        assertThat(stored(caseId).breached()).as("a looser resolution target, applied to the open case").isFalse();
    }

    /** What the SLA pass stored for a case. */
    record Stored(boolean atRisk, boolean breached, Instant checkAt) {
    }

    private Stored stored(CaseId caseId) {
        return jdbc.sql("select at_risk, breached, check_at from casework_case_sla where case_id = ?")
                .param(caseId.value()).query((rs, row) -> new Stored(rs.getBoolean("at_risk"), rs.getBoolean("breached"),
                        rs.getObject("check_at", java.time.OffsetDateTime.class) == null ? null
                                : rs.getObject("check_at", java.time.OffsetDateTime.class).toInstant()))
                .single();
    }

    private ClockState clock(CaseId caseId, ServicePolicy policy, SlaTarget target) {
        return sla.slaOf(caseId).policies().stream().filter(p -> p.policy().id().equals(policy.id())).findFirst()
                .orElseThrow().evaluation().clock(target).orElseThrow();
    }

    private ServiceCalendar berlinOfficeHours() {
        return sla.defineCalendar(null, new SlaManagement.NewCalendar("Berlin office " + UUID.randomUUID(),
                "Europe/Berlin", Map.of(DayOfWeek.MONDAY, List.of("09:00-17:00"), DayOfWeek.TUESDAY,
                        List.of("09:00-17:00"), DayOfWeek.WEDNESDAY, List.of("09:00-17:00"), DayOfWeek.THURSDAY,
                        List.of("09:00-17:00"), DayOfWeek.FRIDAY, List.of("09:00-17:00")),
                Map.of(java.time.LocalDate.parse("2026-12-25"), List.of())));
    }

    private CaseId inbound(CustomerId customer, CaseId caseId, String text) {
        return contacts.record(new NewContact(customer, caseId, Channel.EMAIL, Direction.INBOUND, clock.instant(), text,
                text, null, null, null, null)).contact().caseId();
    }

    private CustomerId customer(String plan) {
        return customers.register(new NewCustomer(null, "SLA Tester", "sla-" + UUID.randomUUID() + "@example.test",
                new EnvironmentProfile(null, null, null, plan, null, Map.of()), null)).id();
    }
}

package io.repdesk.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.EscalationRule;
import io.repdesk.casework.Priority;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.security.Agent;
import io.repdesk.security.Role;
import io.repdesk.shared.EscalationRuleId;
import io.repdesk.shared.TeamId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.sla.BusinessCalendar;

class AdminFormsTests {

    @Test
    void aCalendarFormReadsRangesPerDayAndSpecialDaysPerLine() {
        CalendarForm form = CalendarForm.from(Map.of("name", "Lisbon", "zone", "Europe/Lisbon",
                "hours.MONDAY", "09:00-12:00, 13:00-17:00", "specialDays", "2026-12-25 closed\n\n2026-12-24 09:00-12:00"));
        FieldErrors errors = new FieldErrors();

        var request = form.toRequest(errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(request.hours().get(DayOfWeek.MONDAY)).containsExactly("09:00-12:00", "13:00-17:00");
        assertThat(request.hours().get(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(request.specialDays()).containsEntry(LocalDate.parse("2026-12-25"), List.of())
                .containsEntry(LocalDate.parse("2026-12-24"), List.of("09:00-12:00"));
    }

    @Test
    void aCalendarFormPutsEachMistakeBesideItsField() {
        CalendarForm form = CalendarForm.from(Map.of("name", " ", "hours.SATURDAY", "10-12",
                "specialDays", "2026-12-25 closed\n2026-13-01 closed"));
        FieldErrors errors = new FieldErrors();

        assertThat(form.toRequest(errors)).isNull();
        assertThat(errors.asMap()).containsKeys("name", "hours.SATURDAY")
                .containsEntry("specialDays", "Line 2: '2026-13-01' is not a date like 2026-12-25");

        FieldErrors refused = new FieldErrors();
        CalendarForm.reject(refused, new InvalidInput("weeklyHours", "overlap on MONDAY: 09:00-12:00 and 11:00-14:00"));
        assertThat(refused.asMap()).containsEntry("hours.MONDAY", "Hours overlap on MONDAY: 09:00-12:00 and 11:00-14:00");
    }

    @Test
    void aPolicyFormTracksOnlyTheTargetsGivenATime() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Gold");
        params.add("kind", "FORMAL");
        params.add("rank", "3");
        params.add("calendarId", "8f2b1c9e-0f4e-4a53-9d0e-1b2c3d4e5f60");
        params.add("firstResponse.hours", "1");
        params.add("firstResponse.minutes", "30");
        params.add("resolution.hours", "16");
        params.add("pauseIn", "WAITING_ON_CUSTOMER");
        params.add("channel", "EMAIL");
        FieldErrors errors = new FieldErrors();

        var request = PolicyForm.from(params).toRequest(errors);

        assertThat(errors.asMap()).isEmpty();
        assertThat(request.firstResponse()).isEqualTo(Duration.ofMinutes(90));
        assertThat(request.nextResponse()).isNull();
        assertThat(request.resolution()).isEqualTo(Duration.ofHours(16));
        assertThat(request.warning()).isEqualTo(Duration.ZERO);
        assertThat(request.pauseIn()).containsExactly(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(request.conditions().channel()).isEqualTo("EMAIL");
        assertThat(request.active()).isFalse();
    }

    @Test
    void aPolicyFormRefusesZeroTargetsUnknownChoicesAndStatusesThatStopTheClocks() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Gold");
        params.add("kind", "SOMETIMES");
        params.add("rank", "first");
        params.add("firstResponse.hours", "0");
        params.add("pauseIn", "RESOLVED");
        FieldErrors errors = new FieldErrors();

        assertThat(PolicyForm.from(params).toRequest(errors)).isNull();
        assertThat(errors.asMap()).containsKeys("kind", "rank", "calendarId", "firstResponse", "pauseIn");
    }

    @Test
    void theCalendarListSummarisesRunsOfDaysWithTheSameHours() {
        BusinessCalendar calendar = BusinessCalendar.builder("Desk", "UTC").weekdays("09:00-17:00")
                .hours(DayOfWeek.WEDNESDAY, "09:00-12:00").hours(DayOfWeek.SATURDAY, "10:00-14:00").build();

        assertThat(CalendarAdminController.summary(calendar))
                .isEqualTo("Mon–Tue 09:00-17:00 · Wed 09:00-12:00 · Thu–Fri 09:00-17:00 · Sat 10:00-14:00");
        assertThat(PolicyAdminController.span(Duration.ofMinutes(150))).isEqualTo("2 h 30 min");
        assertThat(PolicyAdminController.span(Duration.ofMinutes(45))).isEqualTo("45 min");
    }

    @Test
    void aTeamFormKeepsTheMembersInPageOrderWithTheirAvailability() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Tier 2 crew");
        params.add("tier", "TIER_2");
        params.add("assignment", "ROUND_ROBIN");
        params.addAll("member", List.of("sam.tier2", "agent", "sam.tier2"));
        params.add("available", "agent");
        FieldErrors errors = new FieldErrors();

        var request = TeamForm.from(params).toRequest(errors);

        assertThat(errors.asMap()).isEmpty();
        assertThat(request.tier()).isEqualTo(Tier.TIER_2);
        assertThat(request.assignment()).isEqualTo(Team.Assignment.ROUND_ROBIN);
        assertThat(request.members()).containsExactly(new Team.Member("sam.tier2", false),
                new Team.Member("agent", true));
    }

    @Test
    void aTeamFormRefusesABlankNameUnknownChoicesAndAvailableAgentsWhoAreNotMembers() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", " ");
        params.add("tier", "TIER_9");
        params.add("available", "agent");
        FieldErrors errors = new FieldErrors();

        assertThat(TeamForm.from(params).toRequest(errors)).isNull();
        assertThat(errors.asMap()).containsKeys("name", "tier", "assignment")
                .containsEntry("members", "agent is marked available but is not a member: check both or neither");
    }

    @Test
    void aRuleFormSendsOnlyTheParameterOfItsTrigger() {
        var params = ruleParams("PRIORITY");
        params.add("needUnknownHours", "not read");
        params.add("priority", "HIGH");
        params.add("plan", " Gold ");
        params.add("toTeamId", "8f2b1c9e-0f4e-4a53-9d0e-1b2c3d4e5f60");
        params.add("mandatory", "true");
        FieldErrors errors = new FieldErrors();

        var request = EscalationRuleForm.from(params).toRequest(errors);

        assertThat(errors.asMap()).isEmpty();
        assertThat(request.trigger()).isEqualTo(EscalationRule.Trigger.PRIORITY);
        assertThat(request.priority()).isEqualTo(Priority.HIGH);
        assertThat(request.needUnknownHours()).isNull();
        assertThat(request.plan()).isEqualTo("Gold");
        assertThat(request.toTier()).isEqualTo(Tier.TIER_3);
        assertThat(request.toTeamId()).isEqualTo(new TeamId(UUID.fromString("8f2b1c9e-0f4e-4a53-9d0e-1b2c3d4e5f60")));
        assertThat(request.mandatory()).isTrue();
        assertThat(request.active()).isFalse();
        assertThat(request.rank()).isEqualTo(5);
    }

    @Test
    void aRuleFormPutsEachMistakeBesideItsField() {
        var params = ruleParams("NEED_UNKNOWN");
        params.set("rank", "first");
        params.set("toTier", "TIER_9");
        params.add("needUnknownHours", "0");
        params.add("toTeamId", "not-a-team");
        FieldErrors errors = new FieldErrors();

        assertThat(EscalationRuleForm.from(params).toRequest(errors)).isNull();
        assertThat(errors.asMap()).containsKeys("rank", "toTier", "toTeamId")
                .containsEntry("needUnknownHours", "Hours must be a whole number above 0");

        FieldErrors refused = new FieldErrors();
        EscalationRuleForm.reject(refused, new InvalidInput("toTeamId", "L2 works TIER_2, not TIER_3"));
        EscalationRuleForm.reject(refused, new InvalidInput("toTier", "must be above tier 1: escalation moves cases up"));
        assertThat(refused.asMap()).containsEntry("toTeamId", "L2 works tier 2, not tier 3")
                .containsEntry("toTier", "Tier must be above tier 1: escalation moves cases up");
    }

    @Test
    void theListsSayTheTriggerWithItsParameterTheTargetAndTheMembersAvailability() {
        TeamId crew = TeamId.random();
        var rule = new EscalationRule(EscalationRuleId.random(), "Stuck", EscalationRule.Trigger.NEED_UNKNOWN, 4, null,
                null, Tier.TIER_2, crew, true, true, 1);
        var urgent = new EscalationRule(EscalationRuleId.random(), "Urgent", EscalationRule.Trigger.PRIORITY, null,
                Priority.URGENT, null, Tier.ENGINEERING, null, false, true, 2);

        assertThat(EscalationRuleAdminController.trigger(rule)).isEqualTo("Need unknown after 4 h");
        assertThat(EscalationRuleAdminController.trigger(urgent)).isEqualTo("Priority urgent or above");
        assertThat(EscalationRuleAdminController.to(rule, Map.of(crew, "L2"))).isEqualTo("Tier 2 · L2");
        assertThat(EscalationRuleAdminController.to(urgent, Map.of())).isEqualTo("Engineering");
        assertThat(TeamAdminController.members(new Team(crew, "L2", Tier.TIER_2, Team.Assignment.MANUAL,
                List.of(new Team.Member("agent", true), new Team.Member("sam", false)))))
                .isEqualTo("agent (available), sam (away)");
    }

    @Test
    void aTeamFormOffersItsMembersFirstThenTheOtherAccounts() {
        var accounts = List.of(new Agent("agent", "Alex", Role.TIER_1_AGENT, true), new Agent("sam", "Sam", Role.TIER_1_AGENT, false));

        assertThat(TeamAdminController.choices(accounts, List.of("sam", "gone"))).extracting(
                TeamAdminController.AgentChoice::label).containsExactly("Sam · sam (disabled)", "gone (no account)",
                        "Alex · agent");
    }

    private static LinkedMultiValueMap<String, String> ruleParams(String trigger) {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Rule");
        params.add("trigger", trigger);
        params.add("toTier", "TIER_3");
        params.add("rank", "5");
        return params;
    }
}

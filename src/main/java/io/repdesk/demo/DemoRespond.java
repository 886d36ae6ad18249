package io.repdesk.demo;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.EscalationRule;
import io.repdesk.casework.Priority;
import io.repdesk.casework.ServiceCalendar;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;

/**
 * The demo company's Respond set-up: its support hours, what each plan was promised, the support
 * team's own targets, its teams and its escalation rules.
 */
@Component
class DemoRespond {

    private final SlaManagement sla;
    private final EscalationManagement escalations;

    DemoRespond(SlaManagement sla, EscalationManagement escalations) {
        this.sla = sla;
        this.escalations = escalations;
    }

    void configure() {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, List.of("08:00-20:00"));
        }
        hours.put(DayOfWeek.SATURDAY, List.of("09:00-13:00"));
        ServiceCalendar support = sla.defineCalendar(null, new SlaManagement.NewCalendar("Lumen support hours",
                "Europe/London", hours, Map.of(LocalDate.parse("2026-12-25"), List.of(),
                        LocalDate.parse("2026-12-26"), List.of(), LocalDate.parse("2027-01-01"), List.of(),
                        LocalDate.parse("2026-12-24"), List.of("08:00-13:00"))));
        Set<CaseStatus> waiting = Set.of(CaseStatus.WAITING_ON_CUSTOMER);
        sla.definePolicy(null, new SlaManagement.NewPolicy("Premium plan contract", ServicePolicy.Kind.FORMAL, 10,
                support.id(), Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(24), waiting,
                Duration.ofMinutes(30), new SlaConditions(null, "Premium", null, null, null), true));
        sla.definePolicy(null, new SlaManagement.NewPolicy("Business plan contract", ServicePolicy.Kind.FORMAL, 20,
                support.id(), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(40), waiting,
                Duration.ofHours(1), new SlaConditions(null, "Business", null, null, null), true));
        sla.definePolicy(null, new SlaManagement.NewPolicy("Urgent cases target", ServicePolicy.Kind.INFORMAL, 10,
                support.id(), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(12), waiting,
                Duration.ofMinutes(15), new SlaConditions(null, null, Priority.URGENT, null, null), true));
        escalations.defineTeam(null, new EscalationManagement.NewTeam("Front desk", Tier.TIER_1,
                Team.Assignment.LEAST_LOADED, List.of(new Team.Member("agent", true))));
        Team specialists = escalations.defineTeam(null, new EscalationManagement.NewTeam("Payments specialists",
                Tier.TIER_2, Team.Assignment.ROUND_ROBIN, List.of(new Team.Member("sam.tier2", true),
                        new Team.Member("manager", false))));
        Team engineering = escalations.defineTeam(null, new EscalationManagement.NewTeam("App engineering",
                Tier.ENGINEERING, Team.Assignment.MANUAL, List.of()));
        escalations.defineRule(null, new EscalationManagement.NewRule("Premium breach goes to specialists",
                EscalationRule.Trigger.SLA_BREACH, null, null, "Premium", Tier.TIER_2, specialists.id(), true, true,
                10));
        escalations.defineRule(null, new EscalationManagement.NewRule("Still in triage after a day",
                EscalationRule.Trigger.NEED_UNKNOWN, 24, null, null, Tier.TIER_2, specialists.id(), false, true, 20));
        escalations.defineRule(null, new EscalationManagement.NewRule("Urgent cases to engineering",
                EscalationRule.Trigger.PRIORITY, null, Priority.URGENT, null, Tier.ENGINEERING, engineering.id(), false,
                true, 30));
    }
}

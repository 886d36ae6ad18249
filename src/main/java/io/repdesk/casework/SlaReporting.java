package io.repdesk.casework;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.Organization;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.sla.ClockState;
import io.repdesk.sla.SlaClocks;
import io.repdesk.sla.SlaEvaluation;
import io.repdesk.sla.SlaTarget;

/** Builds the {@link SlaReport}: see {@link SlaManagement#report} for what counts as met. */
@Component
class SlaReporting {

    /** The longest range one report covers, so one request cannot replay every case ever opened. */
    static final int MAX_DAYS = 371;

    private static final int CHUNK = 1_000;
    private static final List<SlaTarget> TARGETS = List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);

    private final SlaStore store;
    private final CaseActivity activity;
    private final Cases cases;
    private final CustomerManagement customers;
    private final EscalationStore teams;

    SlaReporting(SlaStore store, CaseActivity activity, Cases cases, CustomerManagement customers,
            EscalationStore teams) {
        this.teams = teams;
        this.store = store;
        this.activity = activity;
        this.cases = cases;
        this.customers = customers;
    }

    SlaReport report(LocalDate from, LocalDate to, Instant now) {
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before the start of the range (" + from + ")");
        }
        if (ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new InvalidInput("to", "must be within " + MAX_DAYS + " days of the start of the range");
        }
        List<LocalDate> weeks = new ArrayList<>();
        for (LocalDate w = monday(from); !w.isAfter(to); w = w.plusWeeks(1)) {
            weeks.add(w);
        }
        List<ServicePolicy> policies = store.policies();
        List<ServicePolicy> active = policies.stream().filter(ServicePolicy::active).toList();
        Map<SlaPolicyId, Map<LocalDate, Counts>> counts = new HashMap<>();
        Map<SlaPolicyId, Map<String, Counts>> byTeam = new HashMap<>();
        Map<io.repdesk.shared.TeamId, String> teamNames = new HashMap<>();
        teams.teams().forEach(t -> teamNames.put(t.id(), t.name()));
        List<SupportCase> opened = cases.openedBetween(from.atStartOfDay(ZoneOffset.UTC).toInstant(),
                to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        Map<OrganizationId, Organization> organizations = new HashMap<>();
        for (int i = 0; i < opened.size(); i += CHUNK) {
            List<SupportCase> chunk = opened.subList(i, Math.min(opened.size(), i + CHUNK));
            List<CaseId> ids = chunk.stream().map(SupportCase::id).toList();
            Map<CaseId, List<CaseActivity.Entry>> activities = activity.of(ids);
            Set<SlaStore.BreachedTarget> breached = store.breachedTargets(ids);
            Map<CustomerId, Customer> owners = customers.getAll(chunk.stream().map(SupportCase::customerId).distinct()
                    .toList());
            for (SupportCase c : chunk) {
                Customer owner = owners.get(c.customerId());
                var timeline = SlaManagement.timeline(activities.getOrDefault(c.id(), List.of()));
                if (owner == null || timeline.isEmpty()) {
                    continue;
                }
                var facts = SlaManagement.CustomerFacts.of(owner,
                        org -> organizations.computeIfAbsent(org, customers::organization));
                LocalDate week = monday(LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC));
                for (ServicePolicy p : SlaManagement.applying(c, facts, active)) {
                    SlaEvaluation evaluation = SlaClocks.evaluate(p.policy(), timeline, now);
                    Counts tally = counts.computeIfAbsent(p.id(), k -> new HashMap<>())
                            .computeIfAbsent(week, k -> new Counts());
                    String team = c.teamId() == null ? NO_TEAM : teamNames.getOrDefault(c.teamId(), NO_TEAM);
                    Counts teamTally = byTeam.computeIfAbsent(p.id(), k -> new java.util.TreeMap<>())
                            .computeIfAbsent(team, k -> new Counts());
                    for (SlaTarget target : TARGETS) {
                        if (p.policy().targets().containsKey(target)) {
                            Outcome outcome = outcome(evaluation, target,
                                    breached.contains(new SlaStore.BreachedTarget(c.id(), p.id(), target)));
                            tally.add(target, outcome);
                            teamTally.add(target, outcome);
                        }
                    }
                }
            }
        }
        return new SlaReport(from, to, weeks, policies.stream()
                .map(p -> figures(p, weeks, counts.getOrDefault(p.id(), Map.of()),
                        byTeam.getOrDefault(p.id(), Map.of()))).toList());
    }

    /** The row label of cases in no team's queue. */
    static final String NO_TEAM = "No team";

    private static SlaReport.PolicyFigures figures(ServicePolicy policy, List<LocalDate> weeks,
            Map<LocalDate, Counts> byWeek, Map<String, Counts> byTeam) {
        List<SlaReport.WeekFigures> rows = new ArrayList<>();
        SlaReport.Tally first = SlaReport.Tally.NONE;
        SlaReport.Tally resolution = SlaReport.Tally.NONE;
        for (LocalDate week : weeks) {
            Counts c = byWeek.getOrDefault(week, new Counts());
            SlaReport.WeekFigures row = new SlaReport.WeekFigures(week, c.tally(SlaTarget.FIRST_RESPONSE),
                    c.tally(SlaTarget.RESOLUTION));
            rows.add(row);
            first = first.plus(row.firstResponse());
            resolution = resolution.plus(row.resolution());
        }
        List<SlaReport.TeamFigures> teamRows = new ArrayList<>();
        byTeam.forEach((team, c) -> teamRows.add(new SlaReport.TeamFigures(team, c.tally(SlaTarget.FIRST_RESPONSE),
                c.tally(SlaTarget.RESOLUTION))));
        return new SlaReport.PolicyFigures(policy, rows, first, resolution, teamRows);
    }

    /** What became of one target's clock; null when it stopped without being owed. */
    private static Outcome outcome(SlaEvaluation evaluation, SlaTarget target, boolean breachRecorded) {
        if (breachRecorded) {
            return Outcome.MISSED;
        }
        ClockState clock = evaluation.clock(target).orElse(null);
        if (clock == null) {
            return Outcome.PENDING;
        }
        return switch (clock.status()) {
            case MET -> Outcome.MET;
            case MET_LATE, BREACHED -> Outcome.MISSED;
            case RUNNING, WARNING, PAUSED -> Outcome.PENDING;
            case STOPPED -> Outcome.NOT_OWED;
        };
    }

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private enum Outcome {
        MET, MISSED, PENDING, NOT_OWED
    }

    /** Met, missed and pending clocks of each target, for one policy and week. */
    private static final class Counts {

        private final Map<SlaTarget, int[]> byTarget = new HashMap<>();

        void add(SlaTarget target, Outcome outcome) {
            if (outcome != Outcome.NOT_OWED) {
                byTarget.computeIfAbsent(target, t -> new int[3])[outcome.ordinal()]++;
            }
        }

        SlaReport.Tally tally(SlaTarget target) {
            int[] n = byTarget.getOrDefault(target, new int[3]);
            return new SlaReport.Tally(n[0], n[1], n[2]);
        }
    }
}

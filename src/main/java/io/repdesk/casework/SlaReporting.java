package io.repdesk.casework;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.stereotype.Component;

import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.shared.TeamId;
import io.repdesk.sla.SlaTarget;

/** Builds the {@link SlaReport} from the stored outcome counts: see {@link SlaManagement#report} for what counts as met. */
@Component
class SlaReporting {

    /** The longest range one report covers. */
    static final int MAX_DAYS = 371;

    private final SlaStore store;
    private final EscalationStore teams;

    SlaReporting(SlaStore store, EscalationStore teams) {
        this.store = store;
        this.teams = teams;
    }

    SlaReport report(LocalDate from, LocalDate to) {
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
        Map<SlaPolicyId, Map<LocalDate, Counts>> counts = new HashMap<>();
        Map<SlaPolicyId, Map<String, Counts>> byTeam = new HashMap<>();
        Map<TeamId, String> teamNames = new HashMap<>();
        teams.teams().forEach(t -> teamNames.put(t.id(), t.name()));
        for (SlaStore.Tally t : store.tallies(from, to)) {
            counts.computeIfAbsent(t.policyId(), k -> new HashMap<>())
                    .computeIfAbsent(monday(t.openedOn()), k -> new Counts()).add(t.target(), t.kind(), t.cases());
            String team = t.teamId() == null ? NO_TEAM : teamNames.getOrDefault(t.teamId(), NO_TEAM);
            byTeam.computeIfAbsent(t.policyId(), k -> new TreeMap<>())
                    .computeIfAbsent(team, k -> new Counts()).add(t.target(), t.kind(), t.cases());
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

    private static LocalDate monday(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** Met, missed and pending clocks of each target, for one policy and week. */
    private static final class Counts {

        private final Map<SlaTarget, long[]> byTarget = new HashMap<>();

        void add(SlaTarget target, SlaOutcome.Kind kind, long cases) {
            byTarget.computeIfAbsent(target, t -> new long[3])[kind.ordinal()] += cases;
        }

        SlaReport.Tally tally(SlaTarget target) {
            long[] n = byTarget.getOrDefault(target, new long[3]);
            return new SlaReport.Tally(Math.toIntExact(n[0]), Math.toIntExact(n[1]), Math.toIntExact(n[2]));
        }
    }
}

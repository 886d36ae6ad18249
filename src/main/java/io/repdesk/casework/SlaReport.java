package io.repdesk.casework;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How often each SLA policy's first-response and resolution targets were met, per week of the cases'
 * opening (weeks start on Monday, in UTC), for the cases opened from {@code from} to {@code to}.
 *
 * @param weeks the Monday of every week in the range, oldest first
 * @param policies every policy, by rank, with figures for each of {@code weeks}
 */
public record SlaReport(LocalDate from, LocalDate to, List<LocalDate> weeks, List<PolicyFigures> policies) {

    public SlaReport {
        weeks = List.copyOf(weeks);
        policies = List.copyOf(policies);
    }

    /**
     * The clocks of one target: ended on time, ended late or breached, or still counting. Clocks stopped
     * by a resolution without a reply being needed are not counted.
     */
    public record Tally(int met, int missed, int pending) {

        public static final Tally NONE = new Tally(0, 0, 0);

        /** The clocks whose outcome is known. */
        public int decided() {
            return met + missed;
        }

        /** The share of decided clocks that were met, 0–100; null when none is decided yet. */
        public @Nullable Double percentMet() {
            return decided() == 0 ? null : 100.0 * met / decided();
        }

        public Tally plus(Tally other) {
            return new Tally(met + other.met, missed + other.missed, pending + other.pending);
        }
    }

    /** One policy's figures for the cases opened in the week starting on {@code week}. */
    public record WeekFigures(LocalDate week, Tally firstResponse, Tally resolution) {
    }

    /** One policy's figures for the cases a team holds now, over the whole range. */
    public record TeamFigures(String team, Tally firstResponse, Tally resolution) {
    }

    /**
     * One policy's figures per week and over the whole range, and per team.
     *
     * @param teams by the team holding each case now ("No team" for cases in no team's queue), by name
     */
    public record PolicyFigures(ServicePolicy policy, List<WeekFigures> weeks, Tally firstResponse, Tally resolution,
            List<TeamFigures> teams) {

        public PolicyFigures {
            weeks = List.copyOf(weeks);
            teams = List.copyOf(teams);
        }
    }
}

package io.repdesk.insight;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How teams and agents are doing, told to help rather than to rank: SLA attainment, first-contact resolution,
 * reopen rate and backlog age, next to the contacts they handled and the share on needs that already have an
 * answer (Empower and later), where self-service could have helped.
 */
public record TeamMetrics(List<Row> teams, List<Row> agents) {

    /**
     * One team or agent ({@code name} empty: none).
     *
     * @param opened cases opened in the range
     * @param withinSla of those, cases with no SLA breach
     * @param resolved cases resolved in the range
     * @param firstContact of those, resolved with at most one reply and never reopened
     * @param reopened of those, reopened at least once
     * @param open cases open now
     * @param medianBacklogDays median age of the open cases, in days
     */
    public record Row(String name, long opened, long withinSla, long resolved, long firstContact, long reopened,
            long open, @Nullable Double medianBacklogDays) {

        public @Nullable Double slaPercent() {
            return percent(withinSla, opened);
        }

        public @Nullable Double firstContactPercent() {
            return percent(firstContact, resolved);
        }

        public @Nullable Double reopenPercent() {
            return percent(reopened, resolved);
        }

        private static @Nullable Double percent(long part, long whole) {
            return whole == 0 ? null : Math.round(1000.0 * part / whole) / 10.0;
        }
    }
}

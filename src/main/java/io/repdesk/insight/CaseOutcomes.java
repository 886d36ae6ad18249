package io.repdesk.insight;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily rollup of case outcomes the team and agent metrics read, and the changes to it gathered while a batch is
 * applied. A case counts on the day it opened (opened, opened with no SLA breach, still open) and, once resolved, on
 * the day it was resolved (resolved, resolved at the first reply and never reopened, reopened), under its team, its
 * assignee and the demand class and stage of its need now. A change to a case takes back what its old state counted
 * and counts its new state; a merged case counts nothing.
 */
final class CaseOutcomes {

    static final Rollups.Table TABLE = new Rollups.Table("insight_daily_outcome",
            List.of("day", "team", "assignee", "demand_class", "stage"), List.of(),
            List.of("opened", "opened_in_time", "resolved", "first_contact", "reopened", "open"), null);

    private final Map<List<Object>, long[]> deltas = new HashMap<>();

    /** Counts the case under that class and stage ({@code sign} 1), or takes it back ({@code sign} -1). */
    void add(RollupStore.CaseState state, String demandClass, String stage, int sign) {
        long[] opened = row(state.openedAt(), state, demandClass, stage);
        opened[0] += sign;
        opened[1] += state.breaches() == 0 ? sign : 0;
        opened[5] += state.resolvedAt() == null ? sign : 0;
        if (state.resolvedAt() != null) {
            long[] resolved = row(state.resolvedAt(), state, demandClass, stage);
            resolved[2] += sign;
            resolved[3] += state.replies() <= 1 && state.reopens() == 0 ? sign : 0;
            resolved[4] += state.reopens() > 0 ? sign : 0;
        }
    }

    /** Moves a case from one class and stage to another (its need was reclassified or changed stage). */
    void move(RollupStore.CaseState state, String fromClass, String fromStage, String toClass, String toStage) {
        add(state, fromClass, fromStage, -1);
        add(state, toClass, toStage, 1);
    }

    /** Writes the gathered changes and starts afresh. */
    void flush(RollupStore store) {
        store.addTo(TABLE, deltas);
        deltas.clear();
    }

    private long[] row(Instant at, RollupStore.CaseState state, String demandClass, String stage) {
        LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
        return deltas.computeIfAbsent(List.of(day, state.team(), state.assignee(), demandClass, stage),
                k -> new long[TABLE.counts().size()]);
    }
}

package io.repdesk.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;

/** The daily rollups, and the changes to them gathered while a batch of journal entries is applied. */
final class Rollups {

    /** A rollup table: its name, its key columns, and how a piece of work on a need maps to a key. */
    record Table(String name, List<String> keys, BiFunction<Work, UUID, List<Object>> key) {
    }

    static final List<Table> TABLES = List.of(
            new Table("insight_daily", List.of("day", "need_id", "stage", "channel"),
                    (w, need) -> List.of(w.day(), need, w.stage(), w.channel())),
            new Table("insight_daily_organization", List.of("day", "organization_id", "need_id"),
                    (w, need) -> List.of(w.day(), w.organizationId(), need)),
            new Table("insight_daily_product", List.of("day", "product", "version", "need_id"),
                    (w, need) -> List.of(w.day(), w.product(), w.version(), need)),
            new Table("insight_daily_team", List.of("day", "team", "need_id"),
                    (w, need) -> List.of(w.day(), w.team(), need)));

    private final Map<Table, Map<List<Object>, long[]>> deltas = new HashMap<>();

    /** Counts the work on the need ({@code sign} 1), or takes it back ({@code sign} -1). */
    void add(Work work, UUID need, int sign) {
        for (Table table : TABLES) {
            long[] values = deltas.computeIfAbsent(table, t -> new HashMap<>())
                    .computeIfAbsent(table.key().apply(work, need), k -> new long[4]);
            values[0] += (long) sign * work.contacts();
            values[1] += (long) sign * work.inbound();
            values[2] += (long) sign * work.repeats();
            values[3] += (long) sign * work.minutes();
        }
    }

    /** Writes the gathered changes and starts afresh. */
    void flush(RollupStore store) {
        for (Table table : TABLES) {
            store.addTo(table, deltas.getOrDefault(table, Map.of()));
        }
        deltas.clear();
    }
}

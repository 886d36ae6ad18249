package io.repdesk.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** The daily rollups, and the changes to them gathered while a batch of journal entries is applied. */
final class Rollups {

    /** How a piece of work on a need of a demand class maps to the rows of a rollup it counts in. */
    @FunctionalInterface
    interface Key {
        List<List<Object>> of(Work work, UUID need, String demandClass);
    }

    /**
     * A rollup table: its name, its key columns, the columns that follow from the key (set, not added up), the
     * columns it adds up, and how a piece of work maps to its row (none for a table not counted from work).
     */
    record Table(String name, List<String> keys, List<String> attributes, List<String> counts, @Nullable Key key) {

        /** Every column a row is written with, the added-up counts last. */
        List<String> columns() {
            List<String> columns = new java.util.ArrayList<>(keys);
            columns.addAll(attributes);
            columns.addAll(counts);
            return columns;
        }
    }

    /** What every work rollup adds up. */
    private static final List<String> WORK = List.of("contacts", "inbound", "repeats", "minutes");

    /** The same, with the inbound contacts that came through the portal apart. */
    private static final List<String> WORK_AND_PORTAL = List.of("contacts", "inbound", "repeats", "minutes", "portal");

    /** The grains a period rollup counts each piece of work in. */
    private static final List<String> GRAINS = List.of(Periods.DAY, Periods.WEEK, Periods.MONTH);

    /** The class a period rollup counts all work under too, whatever its need's class. */
    static final String ALL_CLASSES = "*";

    /** The channel whose inbound contacts count as self-service. */
    static final String PORTAL = "PORTAL";

    static final Table DAILY = new Table("insight_daily", List.of("day", "need_id", "stage", "channel"), List.of(),
            WORK, (w, need, demandClass) -> List.of(List.of(w.day(), need, w.stage(), w.channel())));
    static final Table ORGANIZATION = new Table("insight_daily_organization", List.of("day", "organization_id",
            "need_id"), List.of(), WORK, (w, need, demandClass) -> List.of(List.of(w.day(), w.organizationId(), need)));
    static final Table PRODUCT = new Table("insight_daily_product", List.of("day", "product", "version", "need_id"),
            List.of(), WORK, (w, need, demandClass) -> List.of(List.of(w.day(), w.product(), w.version(), need)));
    static final Table TEAM = new Table("insight_daily_team", List.of("day", "team", "need_id"), List.of(), WORK,
            (w, need, demandClass) -> List.of(List.of(w.day(), w.team(), need)));
    static final Table CLASS = new Table("insight_daily_class", List.of("day", "demand_class", "stage", "channel"),
            List.of(), WORK, (w, need, demandClass) -> List.of(List.of(w.day(), demandClass, w.stage(), w.channel())));
    static final Table CLASS_NEED = new Table("insight_daily_class_need", List.of("need_id", "day", "stage"),
            List.of("demand_class"), WORK_AND_PORTAL,
            (w, need, demandClass) -> List.of(List.of(need, w.day(), w.stage(), demandClass)));
    static final Table CLASS_TEAM = new Table("insight_daily_class_team", List.of("day", "demand_class", "team"),
            List.of(), WORK, (w, need, demandClass) -> List.of(List.of(w.day(), demandClass, w.team())));
    /** Per need in each period of each grain (see {@link Periods}), for the demand dashboard's top needs. */
    static final Table PERIOD_NEED = new Table("insight_period_need", List.of("need_id", "grain", "period", "stage"),
            List.of("demand_class"), WORK_AND_PORTAL, (w, need, demandClass) -> GRAINS.stream()
                    .map(grain -> List.<Object>of(need, grain, Periods.start(grain, w.day()), w.stage(), demandClass))
                    .toList());
    /**
     * Per organization in each period of each grain, under the need's class and under {@link #ALL_CLASSES}, for the
     * customers dashboard.
     */
    static final Table PERIOD_ORGANIZATION = new Table("insight_period_organization", List.of("grain", "period",
            "demand_class", "organization_id"), List.of(), WORK, (w, need, demandClass) -> GRAINS.stream()
                    .flatMap(grain -> java.util.stream.Stream.of(demandClass, ALL_CLASSES).map(c -> List.<Object>of(
                            grain, Periods.start(grain, w.day()), c, w.organizationId())))
                    .toList());

    static final List<Table> TABLES = List.of(DAILY, ORGANIZATION, PRODUCT, TEAM, CLASS, CLASS_NEED, CLASS_TEAM,
            PERIOD_NEED, PERIOD_ORGANIZATION);

    private final Map<Table, Map<List<Object>, long[]>> deltas = new HashMap<>();

    /** Counts the work on the need of that class ({@code sign} 1), or takes it back ({@code sign} -1). */
    void add(Work work, UUID need, String demandClass, int sign) {
        long portal = PORTAL.equals(work.channel()) ? work.inbound() : 0;
        for (Table table : TABLES) {
            Map<List<Object>, long[]> rows = deltas.computeIfAbsent(table, t -> new HashMap<>());
            for (List<Object> key : java.util.Objects.requireNonNull(table.key()).of(work, need, demandClass)) {
                long[] values = rows.computeIfAbsent(key, k -> new long[5]);
                values[0] += (long) sign * work.contacts();
                values[1] += (long) sign * work.inbound();
                values[2] += (long) sign * work.repeats();
                values[3] += (long) sign * work.minutes();
                values[4] += sign * portal;
            }
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

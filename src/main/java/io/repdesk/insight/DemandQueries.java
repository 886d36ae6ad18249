package io.repdesk.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.stereotype.Repository;

/** Reads the rollups by demand class; costs are filled in by the caller from the minutes. */
@Repository
class DemandQueries {

    private final InsightQueries queries;

    DemandQueries(InsightQueries queries) {
        this.queries = queries;
    }

    /** Rows of the per-class rollup within the filter; work on no need counts as unclassified. */
    private static final String BY_CLASS = """
            from insight_daily_class d
            where d.day between :from and :to
              and (cast(:channel as text) is null or d.channel = :channel)
              and (cast(:demandClass as text) is null or d.demand_class = :demandClass)
              and (cast(:stage as text) is null or d.stage = :stage)
            """;

    private static final String CLASS = "coalesce(nullif(d.demand_class, ''), 'UNCLASSIFIED')";

    /** Contacts and minutes per class and week, and per class over the range (with repeat contacts). */
    record ByClass(List<Demand.ClassWeek> weeks, List<Demand.ClassTotal> totals) {
    }

    /**
     * Per class and week in one pass; the range's totals per class (zero shares and costs) are the weeks added up.
     * The week is the day's Monday by date arithmetic.
     */
    ByClass byClass(InsightFilter filter) {
        List<Demand.ClassWeek> weeks = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        queries.bind("select d.day - (extract(isodow from d.day)::int - 1), " + CLASS
                + ", sum(d.contacts), sum(d.minutes), sum(d.repeats) " + BY_CLASS + " group by 1, 2 order by 1, 2", filter)
                .query((rs, row) -> {
                    String demandClass = rs.getString(2);
                    weeks.add(new Demand.ClassWeek(rs.getObject(1, LocalDate.class), demandClass, rs.getLong(3),
                            rs.getLong(4)));
                    long[] sum = totals.computeIfAbsent(demandClass, c -> new long[3]);
                    sum[0] += rs.getLong(3);
                    sum[1] += rs.getLong(4);
                    sum[2] += rs.getLong(5);
                    return null;
                }).list();
        return new ByClass(weeks, totals.entrySet().stream().map(e -> new Demand.ClassTotal(e.getKey(), e.getValue()[0],
                0, e.getValue()[1], BigDecimal.ZERO, 0, e.getValue()[2], BigDecimal.ZERO)).toList());
    }

    /**
     * The needs of one class with the most cost, or (routine) with the least self-service and most contacts. The
     * per-need period rollup has no channel; a channel filter reads the full daily rollup instead.
     */
    List<Demand.NeedLoad> topNeeds(InsightFilter filter, String demandClass, boolean leastSelfServiceFirst, int limit) {
        InsightFilter ofClass = new InsightFilter(filter.from(), filter.to(), filter.channel(), demandClass,
                filter.stage());
        String load = filter.channel() == null ? """
                    select d.need_id, sum(d.contacts) as contacts, sum(d.repeats) as repeats, sum(d.minutes) as minutes,
                        sum(d.portal) as portal, sum(d.inbound) as inbound
                    from (""" + InsightQueries.periodRows("insight_period_need",
                        "need_id, contacts, repeats, minutes, portal, inbound",
                        "demand_class = :demandClass and (cast(:stage as text) is null or stage = :stage)") + """
                    ) d group by d.need_id
                """ : """
                    select d.need_id, sum(d.contacts) as contacts, sum(d.repeats) as repeats, sum(d.minutes) as minutes,
                        sum(d.inbound) filter (where d.channel = 'PORTAL') as portal, sum(d.inbound) as inbound
                """ + InsightQueries.DAILY + " group by d.need_id";
        String order = leastSelfServiceFirst ? "self_service, contacts desc, minutes desc" : "minutes desc, contacts desc";
        return queries.bind("with load as (" + load + """
                )
                select l.need_id, n.title, l.contacts, l.repeats, l.minutes,
                    (select count(*) from insight_article_need a where a.need_id = l.need_id and a.live) as self_service,
                    coalesce(l.portal, 0)::float / greatest(l.inbound, 1) as portal_share
                from load l join insight_need n on n.need_id = l.need_id
                where l.contacts > 0
                order by\s""" + order + " limit " + limit, ofClass)
                .query((rs, row) -> new Demand.NeedLoad(rs.getObject(1, UUID.class), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), rs.getLong(5), BigDecimal.ZERO, rs.getLong(6), rs.getDouble(7))).list();
    }

    List<Demand.TeamLoad> teams(InsightFilter filter) {
        return queries.bind("""
                select d.team, sum(d.contacts) filter (where d.demand_class = 'VALUE_ADDING'), sum(d.contacts),
                    sum(d.minutes) filter (where d.demand_class = 'VALUE_ADDING'), sum(d.minutes)
                from insight_daily_class_team d
                where d.day between :from and :to
                  and (cast(:demandClass as text) is null or d.demand_class = :demandClass)
                group by d.team order by 2 desc nulls last, 1
                """, filter)
                .query((rs, row) -> new Demand.TeamLoad(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        BigDecimal.ZERO, rs.getLong(5) == 0 ? 0 : Math.round(1000.0 * rs.getLong(4) / rs.getLong(5)) / 10.0)).list();
    }

    /** Marked contacts, where they happened and which need their case is about now (kept on the mark). */
    private static final String MARKED = """
            from insight_feedback f left join insight_need n on n.need_id = f.need_id
            where f.case_id is not null and f.day between :from and :to
              and (cast(:channel as text) is null or f.channel = :channel)
              and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
              and (cast(:stage as text) is null or coalesce(n.stage, 'TRIAGE') = :stage)
            """;

    /** Areas and weeks from one pass over the range's marks (grouping sets), the marked contacts from a second. */
    Listening listening(InsightFilter filter) {
        List<Listening.Area> areas = new ArrayList<>();
        List<Listening.Week> weeks = new ArrayList<>();
        queries.bind("""
                select grouping(f.product) = 0, coalesce(nullif(f.product, ''), 'Unknown product'), n.need_id,
                    coalesce(n.title, 'Not linked to a need yet'), f.kind, f.day - (extract(isodow from f.day)::int - 1),
                    count(*)
                """ + MARKED + """
                group by grouping sets ((f.product, n.need_id, n.title, f.kind),
                    (f.day - (extract(isodow from f.day)::int - 1), f.kind))
                """, filter).query((rs, row) -> {
                    if (rs.getBoolean(1)) {
                        areas.add(new Listening.Area(rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                                rs.getString(5), rs.getLong(7)));
                    } else {
                        weeks.add(new Listening.Week(rs.getObject(6, LocalDate.class), rs.getString(5), rs.getLong(7)));
                    }
                    return null;
                }).list();
        // Product labels: a blank product and "Unknown product" are one area, as the page shows them.
        Map<List<Object>, Listening.Area> merged = new java.util.LinkedHashMap<>();
        areas.forEach(a -> merged.merge(java.util.Arrays.asList(a.product(), a.needId(), a.need(), a.kind()), a,
                (x, y) -> new Listening.Area(x.product(), x.needId(), x.need(), x.kind(), x.contacts() + y.contacts())));
        List<Listening.Area> byArea = new ArrayList<>(merged.values());
        byArea.sort(java.util.Comparator.comparingLong(Listening.Area::contacts).reversed()
                .thenComparing(Listening.Area::product).thenComparing(Listening.Area::need));
        weeks.sort(java.util.Comparator.comparing(Listening.Week::week).thenComparing(Listening.Week::kind));
        List<Listening.Marked> marked = queries.bind("""
                select f.contact_id, f.day, f.kind, f.product, f.version, coalesce(n.title, ''), f.excerpt, f.marked_by
                """ + MARKED + " order by f.day desc, f.contact_id limit 5000", filter)
                .query((rs, row) -> new Listening.Marked(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8))).list();
        return new Listening(byArea, weeks, marked);
    }
}

package io.repdesk.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
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

    List<Demand.ClassWeek> perWeek(InsightFilter filter) {
        return queries.bind("select date_trunc('week', d.day)::date, " + CLASS + ", sum(d.contacts), sum(d.minutes) "
                + BY_CLASS + " group by 1, 2 order by 1, 2", filter)
                .query((rs, row) -> new Demand.ClassWeek(rs.getObject(1, LocalDate.class), rs.getString(2),
                        rs.getLong(3), rs.getLong(4))).list();
    }

    /** Per class: contacts, minutes and repeat contacts, as totals with zero shares and costs. */
    List<Demand.ClassTotal> totals(InsightFilter filter) {
        return queries.bind("select " + CLASS + ", sum(d.contacts), sum(d.minutes), sum(d.repeats) " + BY_CLASS
                + " group by 1 order by 1", filter)
                .query((rs, row) -> new Demand.ClassTotal(rs.getString(1), rs.getLong(2), 0, rs.getLong(3),
                        BigDecimal.ZERO, 0, rs.getLong(4), BigDecimal.ZERO)).list();
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
                    from insight_period_need d
                    where d.demand_class = :demandClass and """ + InsightQueries.PERIODS + """
                      and (cast(:stage as text) is null or d.stage = :stage)
                    group by d.need_id
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

    Listening listening(InsightFilter filter) {
        List<Listening.Area> areas = queries.bind("""
                select coalesce(nullif(f.product, ''), 'Unknown product'), n.need_id,
                    coalesce(n.title, 'Not linked to a need yet'), f.kind, count(*)
                """ + MARKED + " group by 1, 2, 3, 4 order by 5 desc, 1, 3", filter)
                .query((rs, row) -> new Listening.Area(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getLong(5))).list();
        List<Listening.Week> weeks = queries.bind("select date_trunc('week', f.day)::date, f.kind, count(*) " + MARKED
                + " group by 1, 2 order by 1, 2", filter)
                .query((rs, row) -> new Listening.Week(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3)))
                .list();
        List<Listening.Marked> marked = queries.bind("""
                select f.contact_id, f.day, f.kind, f.product, f.version, coalesce(n.title, ''), f.excerpt, f.marked_by
                """ + MARKED + " order by f.day desc, f.contact_id limit 5000", filter)
                .query((rs, row) -> new Listening.Marked(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8))).list();
        return new Listening(areas, weeks, marked);
    }
}

package io.repdesk.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the rollups for the dashboards; every query is bounded by the filter's range of days. */
@Repository
class InsightQueries {

    /** Rollup rows within the filter, joined to their need for the demand class. */
    static final String DAILY = """
            from insight_daily d left join insight_need n on n.need_id = d.need_id
            where d.day between :from and :to
              and (cast(:channel as text) is null or d.channel = :channel)
              and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
              and (cast(:stage as text) is null or d.stage = :stage)
            """;

    private final JdbcClient jdbc;

    InsightQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The rows of a period rollup whose periods together cover the filter's days once: one branch per grain, so that
     * each reads one range of the table's covering index (class, grain, period) without visiting the table.
     */
    static String periodRows(String table, String columns, String where) {
        return java.util.stream.Stream.of("M months", "W weeks", "D days").map(grain -> grain.split(" "))
                .map(grain -> "select " + columns + " from " + table + " where " + where + " and grain = '" + grain[0]
                        + "' and period = any(cast(:" + grain[1] + " as date[]))")
                .collect(java.util.stream.Collectors.joining(" union all "));
    }

    JdbcClient.StatementSpec bind(String sql, InsightFilter filter) {
        Periods periods = Periods.covering(filter.from(), filter.to());
        return jdbc.sql(sql).param("from", filter.from()).param("to", filter.to())
                .param("channel", filter.channel()).param("demandClass", filter.demandClass())
                .param("stage", filter.stage())
                .param("start", start(filter.from())).param("end", start(filter.to().plusDays(1)))
                .param("days", texts(periods.days())).param("weeks", texts(periods.weeks()))
                .param("months", texts(periods.months()));
    }

    private static String[] texts(List<LocalDate> days) {
        return days.stream().map(LocalDate::toString).toArray(String[]::new);
    }

    List<AssemblyLine.StageNeeds> needsPerStage(InsightFilter filter) {
        return bind("""
                select stage, count(*) from insight_need
                where merged_into is null and created_at < :end
                  and (cast(:demandClass as text) is null or demand_class = :demandClass)
                  and (cast(:stage as text) is null or stage = :stage)
                group by stage
                """, filter).query((rs, row) -> new AssemblyLine.StageNeeds(rs.getString(1), rs.getLong(2))).list();
    }

    List<AssemblyLine.Move> movesPerWeek(InsightFilter filter) {
        return bind("""
                select date_trunc('week', m.moved_at at time zone 'UTC')::date as week, m.from_stage, m.to_stage,
                    count(*)
                from insight_stage_move m join insight_need n on n.need_id = m.need_id
                where m.moved_at >= :start and m.moved_at < :end
                  and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
                  and (cast(:stage as text) is null or m.from_stage = :stage or m.to_stage = :stage)
                group by 1, 2, 3 order by 1, 2, 3
                """, filter).query((rs, row) -> new AssemblyLine.Move(rs.getObject(1, LocalDate.class),
                rs.getString(2), rs.getString(3), rs.getLong(4))).list();
    }

    List<AssemblyLine.StageTime> timeInStage(InsightFilter filter) {
        return bind("""
                select s.stage,
                    percentile_cont(0.5) within group (order by extract(epoch from s.left_at - s.entered_at) / 86400)
                        filter (where s.left_at >= :start and s.left_at < :end),
                    count(*) filter (where s.left_at >= :start and s.left_at < :end),
                    percentile_cont(0.5) within group (order by extract(epoch from :end - s.entered_at) / 86400)
                        filter (where s.entered_at < :end and (s.left_at is null or s.left_at >= :end)),
                    count(*) filter (where s.entered_at < :end and (s.left_at is null or s.left_at >= :end))
                from insight_stage_span s join insight_need n on n.need_id = s.need_id
                where (s.left_at is null or s.left_at >= :start) and s.entered_at < :end and n.merged_into is null
                  and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
                  and (cast(:stage as text) is null or s.stage = :stage)
                group by s.stage
                """, filter).query((rs, row) -> new AssemblyLine.StageTime(rs.getString(1), nullable(rs.getDouble(2),
                rs.wasNull()), rs.getLong(3), nullable(rs.getDouble(4), rs.wasNull()), rs.getLong(5))).list();
    }

    /**
     * Contacts, repeats and minutes per stage, from the rollup per day × class × stage × channel (a few hundred rows a
     * day, where the per-need rollup has thousands); the cost is filled in by the caller.
     */
    List<AssemblyLine.StageWork> workPerStage(InsightFilter filter) {
        return bind("""
                select d.stage, sum(d.contacts), sum(d.repeats), sum(d.minutes) from insight_daily_class d
                where d.day between :from and :to
                  and (cast(:channel as text) is null or d.channel = :channel)
                  and (cast(:demandClass as text) is null or d.demand_class = :demandClass)
                  and (cast(:stage as text) is null or d.stage = :stage)
                group by d.stage""",
                filter).query((rs, row) -> new AssemblyLine.StageWork(rs.getString(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), BigDecimal.ZERO)).list();
    }

    List<AssemblyLine.MonthFlow> needsPerMonth(InsightFilter filter) {
        return bind("""
                with created as (
                    select date_trunc('month', created_at at time zone 'UTC')::date as month, count(*) as n
                    from insight_need
                    where created_at >= :start and created_at < :end
                      and (cast(:demandClass as text) is null or demand_class = :demandClass)
                    group by 1),
                eliminated as (
                    select date_trunc('month', m.moved_at at time zone 'UTC')::date as month, count(*) as n
                    from insight_stage_move m join insight_need n on n.need_id = m.need_id
                    where m.to_stage = 'ELIMINATED' and m.moved_at >= :start and m.moved_at < :end
                      and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
                    group by 1)
                select coalesce(c.month, e.month), coalesce(c.n, 0), coalesce(e.n, 0)
                from created c full join eliminated e on e.month = c.month order by 1
                """, filter).query((rs, row) -> new AssemblyLine.MonthFlow(rs.getObject(1, LocalDate.class),
                rs.getLong(2), rs.getLong(3))).list();
    }

    private static OffsetDateTime start(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static Double nullable(double value, boolean wasNull) {
        return wasNull ? null : value;
    }
}

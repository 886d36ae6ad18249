package io.repdesk.insight;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the survey answers the rollup projector keeps in {@code insight_satisfaction}. */
@Repository
class SatisfactionQueries {

    /** A need's answers are shown under its title. */
    private static final String NEED = "coalesce(n.title, 'Not linked to a need')";

    private final InsightQueries queries;
    private final JdbcClient jdbc;

    SatisfactionQueries(InsightQueries queries, JdbcClient jdbc) {
        this.queries = queries;
        this.jdbc = jdbc;
    }

    Satisfaction inRange(InsightFilter filter) {
        List<Long> distribution = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        queries.bind("""
                select s.score, count(*) from insight_satisfaction s left join insight_need n on n.need_id = s.need_id
                where %s group by 1
                """.formatted(WHERE), filter).query((rs, row) -> {
            distribution.set(rs.getInt(1) - 1, rs.getLong(2));
            return null;
        }).list();
        return new Satisfaction(rows(filter, NEED), rows(filter, "s.team"), rows(filter, "s.agent"), distribution);
    }

    private static final String WHERE = """
            s.answered_at >= :start and s.answered_at < :end
              and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
              and (cast(:stage as text) is null or coalesce(n.stage, 'TRIAGE') = :stage)""";

    private List<Satisfaction.Row> rows(InsightFilter filter, String group) {
        return queries.bind("""
                select %1$s, count(*), avg(s.score), count(*) filter (where s.score >= 4)
                from insight_satisfaction s left join insight_need n on n.need_id = s.need_id
                where %2$s
                group by %1$s order by 2 desc, 1
                """.formatted(group, WHERE), filter)
                .query((rs, row) -> new Satisfaction.Row(rs.getString(1), rs.getLong(2), rs.getDouble(3),
                        rs.getLong(4))).list();
    }

    /** The average score a customer gave and how many answers it rests on. */
    Satisfaction.Row ofCustomer(UUID customer) {
        return jdbc.sql("""
                select '', count(*), coalesce(avg(score), 0), count(*) filter (where score >= 4)
                from insight_satisfaction where customer_id = ?
                """).param(customer).query((rs, row) -> new Satisfaction.Row(rs.getString(1), rs.getLong(2),
                rs.getDouble(3), rs.getLong(4))).single();
    }
}

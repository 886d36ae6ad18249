package io.repdesk.insight;

import java.util.ArrayList;
import java.util.Comparator;
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

    /**
     * Answers per need, team and agent and per score, all from one pass over the range's answers (grouping sets);
     * each list ordered by answers, most first, then by name.
     */
    Satisfaction inRange(InsightFilter filter) {
        List<Long> distribution = new ArrayList<>(List.of(0L, 0L, 0L, 0L, 0L));
        List<Satisfaction.Row> needs = new ArrayList<>();
        List<Satisfaction.Row> teams = new ArrayList<>();
        List<Satisfaction.Row> agents = new ArrayList<>();
        queries.bind("""
                select grouping(%1$s), grouping(s.team), grouping(s.agent), %1$s, s.team, s.agent, s.score, count(*),
                    avg(s.score), count(*) filter (where s.score >= 4)
                from insight_satisfaction s left join insight_need n on n.need_id = s.need_id
                where %2$s
                group by grouping sets ((%1$s), (s.team), (s.agent), (s.score))
                """.formatted(NEED, WHERE), filter).query((rs, row) -> {
                    long answers = rs.getLong(8);
                    if (rs.getInt(1) == 0) {
                        needs.add(new Satisfaction.Row(rs.getString(4), answers, rs.getDouble(9), rs.getLong(10)));
                    } else if (rs.getInt(2) == 0) {
                        teams.add(new Satisfaction.Row(rs.getString(5), answers, rs.getDouble(9), rs.getLong(10)));
                    } else if (rs.getInt(3) == 0) {
                        agents.add(new Satisfaction.Row(rs.getString(6), answers, rs.getDouble(9), rs.getLong(10)));
                    } else {
                        distribution.set(rs.getInt(7) - 1, answers);
                    }
                    return null;
                }).list();
        Comparator<Satisfaction.Row> order = Comparator.comparingLong(Satisfaction.Row::answers).reversed()
                .thenComparing(Satisfaction.Row::name);
        needs.sort(order);
        teams.sort(order);
        agents.sort(order);
        return new Satisfaction(needs, teams, agents, distribution);
    }

    private static final String WHERE = """
            s.answered_at >= :start and s.answered_at < :end
              and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
              and (cast(:stage as text) is null or coalesce(n.stage, 'TRIAGE') = :stage)""";

    /** The average score a customer gave and how many answers it rests on. */
    Satisfaction.Row ofCustomer(UUID customer) {
        return jdbc.sql("""
                select '', count(*), coalesce(avg(score), 0), count(*) filter (where score >= 4)
                from insight_satisfaction where customer_id = ?
                """).param(customer).query((rs, row) -> new Satisfaction.Row(rs.getString(1), rs.getLong(2),
                rs.getDouble(3), rs.getLong(4))).single();
    }
}

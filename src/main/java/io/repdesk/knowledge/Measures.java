package io.repdesk.knowledge;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;

/** Counts self-service and reuse from the knowledge tables. */
@Repository
class Measures {

    /**
     * Per session that touched the subject: whether it said "solved", when it last touched it, and whether a
     * request followed within 24 hours of that.
     */
    private static final String OUTCOMES = """
            with touched as (
                select e.session_id, bool_or(e.kind = 'SOLVED') as solved, max(e.at) as last_at
                from knowledge_session_event e where %s group by e.session_id
            ), outcome as (
                select t.solved, t.last_at,
                       s.request_filed_at is not null and s.request_filed_at <= t.last_at + interval '24 hours' as followed
                from touched t join knowledge_session s on s.id = t.session_id
            )
            select count(*) as sessions,
                   count(*) filter (where followed) as followed,
                   count(*) filter (where not followed and (solved or last_at <= :now - interval '24 hours')) as deflected
            from outcome
            """;

    private final JdbcClient jdbc;

    Measures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Usage ofArticle(ArticleId article, Instant now) {
        UUID id = article.value();
        long views = count("select count(*) from knowledge_session_event where article_id = ? and kind = 'VIEW'", id);
        long solved = count("select count(distinct session_id) from knowledge_session_event where article_id = ? "
                + "and kind = 'SOLVED'", id);
        long reuses = count("select count(*) from knowledge_reuse where article_id = ?", id);
        long flagged = count("select count(*) from knowledge_reuse where article_id = ? and needs_improvement", id);
        return outcomes("e.article_id = :id and e.kind in ('VIEW', 'SOLVED')", id, now, 0, views, solved, reuses,
                flagged);
    }

    Usage ofNeed(NeedId need, Instant now) {
        UUID id = need.value();
        String articles = "(select article_id from knowledge_article_need where need_id = ?)";
        long searches = count("select count(*) from knowledge_session_event where need_id = ? and kind = 'SEARCH'", id);
        long views = count("select count(*) from knowledge_session_event where kind = 'VIEW' and article_id in "
                + articles, id);
        long solved = count("select count(distinct session_id) from knowledge_session_event where kind = 'SOLVED' "
                + "and article_id in " + articles, id);
        long reuses = count("select count(*) from knowledge_reuse where article_id in " + articles, id);
        long flagged = count("select count(*) from knowledge_reuse where needs_improvement and article_id in "
                + articles, id);
        return outcomes("(e.need_id = :id or (e.kind in ('VIEW', 'SOLVED') and e.article_id in "
                + "(select article_id from knowledge_article_need where need_id = :id)))", id, now, searches, views,
                solved, reuses, flagged);
    }

    private Usage outcomes(String condition, UUID id, Instant now, long searches, long views, long solved,
            long reuses, long flagged) {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        return jdbc.sql(OUTCOMES.formatted(condition)).param("id", id).param("now", at)
                .query((rs, row) -> new Usage(searches, views, solved, reuses, flagged, rs.getLong("sessions"),
                        rs.getLong("followed"), rs.getLong("deflected")))
                .single();
    }

    private long count(String sql, UUID id) {
        return jdbc.sql(sql).param(id).query(Long.class).single();
    }
}

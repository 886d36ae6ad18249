package io.repdesk.knowledge;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/** Stores self-service sessions and what happened in them ({@code knowledge_session*}). */
@Repository
class SelfServiceSessions {

    private final JdbcClient jdbc;

    SelfServiceSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void touch(UUID session, @Nullable CustomerId customer, Instant at) {
        jdbc.sql("""
                insert into knowledge_session (id, customer_id, started_at, last_seen_at) values (?, ?, ?, ?)
                on conflict (id) do update set last_seen_at = greatest(knowledge_session.last_seen_at, excluded.last_seen_at),
                    customer_id = coalesce(knowledge_session.customer_id, excluded.customer_id)
                """)
                .params(session, customer == null ? null : customer.value(), utc(at), utc(at)).update();
    }

    /**
     * Records a search, or updates the session's last one when the customer is still typing it (the new
     * text extends or shortens the old within two minutes), so one question typed letter by letter counts once.
     */
    void searched(UUID session, String query, @Nullable NeedId need, int results, Instant at) {
        int updated = jdbc.sql("""
                update knowledge_session_event set query = :query, need_id = :need, results = :results, at = :at
                where id = (select id from knowledge_session_event where session_id = :session and kind = 'SEARCH'
                            order by id desc limit 1)
                  and at >= :since and (starts_with(:query, query) or starts_with(query, :query))
                """)
                .param("query", query).param("need", need == null ? null : need.value()).param("results", results)
                .param("at", utc(at)).param("session", session).param("since", utc(at.minus(Duration.ofMinutes(2))))
                .update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into knowledge_session_event (session_id, kind, need_id, query, results, at)
                    values (?, 'SEARCH', ?, ?, ?, ?)
                    """)
                    .params(session, need == null ? null : need.value(), query, results, utc(at)).update();
        }
    }

    void articleEvent(UUID session, String kind, ArticleId article, Instant at) {
        jdbc.sql("insert into knowledge_session_event (session_id, kind, article_id, at) values (?, ?, ?, ?)")
                .params(session, kind, article.value(), utc(at)).update();
    }

    boolean solvedAlready(UUID session, ArticleId article) {
        return jdbc.sql("""
                select exists (select 1 from knowledge_session_event
                               where session_id = ? and article_id = ? and kind = 'SOLVED')
                """).params(session, article.value()).query(Boolean.class).single();
    }

    /** Marks the sessions a request followed: this one, and the customer's others seen in the last 24 hours. */
    int requestFiled(@Nullable UUID session, @Nullable CustomerId customer, Instant at) {
        return jdbc.sql("""
                update knowledge_session set request_filed_at = :at
                where request_filed_at is null and last_seen_at >= :since and last_seen_at <= :at
                  and (id = :session or customer_id = :customer)
                """)
                .param("at", utc(at)).param("since", utc(at.minus(Duration.ofHours(24))))
                .param("session", session).param("customer", customer == null ? null : customer.value())
                .update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

package io.repdesk.prevent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.NeedId;

/** Stores managers' decisions on recommendations in {@code prevent_recommendation_decision}. */
@Repository
class Decisions {

    private final JdbcClient jdbc;

    Decisions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every decided recommendation as {@code need-id/KIND}. */
    Set<String> decided() {
        return new HashSet<>(jdbc.sql("select need_id || '/' || kind from prevent_recommendation_decision")
                .query(String.class).list());
    }

    void insert(NeedId need, Recommendation.Kind kind, String decision, String by, Instant at) {
        jdbc.sql("""
                insert into prevent_recommendation_decision (need_id, kind, decision, decided_by, decided_at)
                values (?, ?, ?, ?, ?)
                """).params(need.value(), kind.name(), decision, by, at.atOffset(ZoneOffset.UTC)).update();
    }
}

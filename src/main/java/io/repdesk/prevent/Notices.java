package io.repdesk.prevent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Stores notices and their recipients in {@code prevent_notice} and {@code prevent_notice_recipient}. */
@Repository
class Notices {

    private static final TypeReference<List<String>> KEYS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Notices(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void insert(Notice n) {
        jdbc.sql("""
                insert into prevent_notice (id, need_id, cohort, subject, body, sent_at, sent_by, cohort_size,
                    already_affected, opted_out) values (?, ?, cast(? as jsonb), ?, ?, ?, ?, ?, ?, ?)
                """).params(n.id(), n.needId().value(), json.writeValueAsString(n.cohort()), n.subject(), n.body(),
                n.sentAt().atOffset(ZoneOffset.UTC), n.sentBy(), n.cohortSize(), n.alreadyAffected(), n.optedOut())
                .update();
    }

    void addRecipient(UUID notice, CustomerId customer, String email, String token) {
        jdbc.sql("insert into prevent_notice_recipient (notice_id, customer_id, email, token) values (?, ?, ?, ?)")
                .params(notice, customer.value(), email, token).update();
    }

    List<Notice> ofNeed(NeedId need) {
        return jdbc.sql(SELECT + " where n.need_id = ? group by n.id order by n.sent_at desc").param(need.value())
                .query(this::notice).list();
    }

    Optional<Notice> find(UUID id) {
        return jdbc.sql(SELECT + " where n.id = ? group by n.id").param(id).query(this::notice).optional();
    }

    List<CustomerId> recipients(UUID notice) {
        return jdbc.sql("select customer_id from prevent_notice_recipient where notice_id = ?").param(notice)
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class))).list();
    }

    Optional<CustomerId> byToken(String token) {
        return jdbc.sql("select customer_id from prevent_notice_recipient where token = ?").param(token)
                .query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class))).optional();
    }

    private static final String SELECT = """
            select n.*, count(r.customer_id) as recipients from prevent_notice n
            left join prevent_notice_recipient r on r.notice_id = n.id""";

    private Notice notice(ResultSet rs, int row) throws SQLException {
        return new Notice(rs.getObject("id", UUID.class), new NeedId(rs.getObject("need_id", UUID.class)),
                json.readValue(rs.getString("cohort"), KEYS), rs.getString("subject"), rs.getString("body"),
                rs.getObject("sent_at", OffsetDateTime.class).toInstant(), rs.getString("sent_by"),
                rs.getInt("cohort_size"), rs.getInt("already_affected"), rs.getInt("opted_out"),
                rs.getInt("recipients"));
    }
}

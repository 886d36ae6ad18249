package io.repdesk.prevent;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.NeedId;

/** Stores hand-offs and fix versions in {@code prevent_handoff} and {@code prevent_fix}. */
@Repository
class Handoffs {

    private final JdbcClient jdbc;

    Handoffs(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void upsert(NeedId need, String owner, @Nullable String issueUrl, Instant at, String by) {
        jdbc.sql("""
                insert into prevent_handoff (need_id, owner, issue_url, handed_off_at, handed_off_by, verification)
                values (?, ?, ?, ?, ?, 'AWAITING_FIX')
                on conflict (need_id) do update set owner = excluded.owner, issue_url = excluded.issue_url
                """).params(need.value(), owner, issueUrl, utc(at), by).update();
    }

    void insertFix(NeedId need, FixVersion fix) {
        jdbc.sql("""
                insert into prevent_fix (id, need_id, product, platform, version, released_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """).params(fix.id(), need.value(), fix.product(), fix.platform(), fix.version(),
                fix.releasedAt() == null ? null : utc(fix.releasedAt()), utc(fix.createdAt())).update();
    }

    int release(NeedId need, UUID fix, Instant at) {
        return jdbc.sql("update prevent_fix set released_at = ? where id = ? and need_id = ?")
                .params(utc(at), fix, need.value()).update();
    }

    void verified(NeedId need, Verification verification, Instant at, String verdict) {
        jdbc.sql("update prevent_handoff set verification = ?, checked_at = ?, verdict = ? where need_id = ?")
                .params(verification.name(), utc(at), verdict, need.value()).update();
    }

    Optional<Handoff> find(NeedId need) {
        return jdbc.sql("select * from prevent_handoff where need_id = ?").param(need.value())
                .query((rs, row) -> handoff(rs, fixes(need))).optional();
    }

    List<Handoff> all() {
        return jdbc.sql("select need_id from prevent_handoff order by handed_off_at desc")
                .query((rs, row) -> new NeedId(rs.getObject(1, UUID.class))).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    private List<FixVersion> fixes(NeedId need) {
        return jdbc.sql("select * from prevent_fix where need_id = ? order by created_at, version").param(need.value())
                .query((rs, row) -> new FixVersion(rs.getObject("id", UUID.class), rs.getString("product"),
                        rs.getString("platform"), rs.getString("version"), instant(rs, "released_at"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static Handoff handoff(ResultSet rs, List<FixVersion> fixes) throws SQLException {
        return new Handoff(new NeedId(rs.getObject("need_id", UUID.class)), rs.getString("owner"),
                rs.getString("issue_url"), rs.getObject("handed_off_at", OffsetDateTime.class).toInstant(),
                rs.getString("handed_off_by"), Verification.valueOf(rs.getString("verification")),
                instant(rs, "checked_at"), rs.getString("verdict"), fixes);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

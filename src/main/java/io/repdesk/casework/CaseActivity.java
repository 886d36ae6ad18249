package io.repdesk.casework;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;

/** Each case's opening, status changes and messages in {@code casework_case_activity}: what SLA clocks follow. */
@Repository
class CaseActivity {

    /** What happened on a case. */
    enum Kind {
        OPENED, STATUS, CUSTOMER_MESSAGE, AGENT_REPLY
    }

    /** One happening, in order. */
    record Entry(Instant at, Kind kind, @Nullable CaseStatus status) {
    }

    private final JdbcClient jdbc;

    CaseActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void record(CaseId id, Instant at, Kind kind, @Nullable CaseStatus status) {
        jdbc.sql("insert into casework_case_activity (case_id, at, kind, status) values (?, ?, ?, ?)")
                .params(id.value(), at.atOffset(ZoneOffset.UTC), kind.name(), status == null ? null : status.name())
                .update();
    }

    List<Entry> of(CaseId id) {
        return jdbc.sql("select at, kind, status from casework_case_activity where case_id = ? order by at, seq")
                .param(id.value()).query((rs, row) -> entry(rs)).list();
    }

    /** The activity of many cases at once, for recomputing clocks in bulk. */
    java.util.Map<CaseId, List<Entry>> of(List<CaseId> ids) {
        java.util.Map<CaseId, List<Entry>> byCase = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return byCase;
        }
        UUID[] values = ids.stream().map(CaseId::value).toArray(UUID[]::new);
        jdbc.sql("""
                select case_id, at, kind, status from casework_case_activity where case_id = any(?)
                order by case_id, at, seq
                """).param(values).query(rs -> {
                    byCase.computeIfAbsent(new CaseId(rs.getObject("case_id", UUID.class)), k -> new java.util.ArrayList<>())
                            .add(entry(rs));
                });
        return byCase;
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        String status = rs.getString("status");
        return new Entry(rs.getObject("at", java.time.OffsetDateTime.class).toInstant(), Kind.valueOf(rs.getString("kind")),
                status == null ? null : CaseStatus.valueOf(status));
    }
}

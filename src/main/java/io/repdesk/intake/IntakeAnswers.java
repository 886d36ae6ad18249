package io.repdesk.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.IntakeFlowId;

/** Stores which flow each case follows ({@code intake_case_flow}) and its answers ({@code intake_answer}). */
@Repository
class IntakeAnswers {

    private final JdbcClient jdbc;

    IntakeAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<IntakeFlowId> flowOf(CaseId caseId) {
        return jdbc.sql("select flow_id from intake_case_flow where case_id = ?").param(caseId.value())
                .query(UUID.class).optional().map(IntakeFlowId::new);
    }

    /** The flow the case follows, locking the case's intake until the transaction ends so changes take turns. */
    Optional<IntakeFlowId> lockFlowOf(CaseId caseId) {
        return jdbc.sql("select flow_id from intake_case_flow where case_id = ? for update").param(caseId.value())
                .query(UUID.class).optional().map(IntakeFlowId::new);
    }

    void attach(CaseId caseId, IntakeFlowId flowId, Instant at, String by) {
        jdbc.sql("""
                insert into intake_case_flow (case_id, flow_id, attached_at, attached_by) values (?, ?, ?, ?)
                on conflict (case_id) do update set flow_id = excluded.flow_id, attached_at = excluded.attached_at,
                    attached_by = excluded.attached_by
                """).params(caseId.value(), flowId.value(), utc(at), by).update();
    }

    /** The case's answers to questions of the flow, oldest first. */
    List<IntakeAnswer> of(CaseId caseId, IntakeFlowId flowId) {
        return jdbc.sql("""
                select * from intake_answer where case_id = ? and flow_id = ? order by answered_at, question_key
                """).params(caseId.value(), flowId.value()).query(IntakeAnswers::answer).list();
    }

    void put(CaseId caseId, IntakeAnswer answer) {
        jdbc.sql("""
                insert into intake_answer (case_id, flow_id, version, question_key, value, answered_at, answered_by)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id, flow_id, question_key) do update set version = excluded.version,
                    value = excluded.value, answered_at = excluded.answered_at, answered_by = excluded.answered_by
                """).params(caseId.value(), answer.flowId().value(), answer.version(), answer.questionKey(),
                answer.value(), utc(answer.answeredAt()), answer.answeredBy()).update();
    }

    void remove(CaseId caseId, IntakeFlowId flowId, Collection<String> keys) {
        if (keys.isEmpty()) {
            return;
        }
        jdbc.sql("delete from intake_answer where case_id = ? and flow_id = ? and question_key = any(?)")
                .params(caseId.value(), flowId.value(), keys.toArray(String[]::new)).update();
    }

    /** Answer counts over the given cases, or over every case when {@code among} is null; distinct cases each. */
    AnswerCounts count(@org.jspecify.annotations.Nullable Collection<CaseId> among) {
        String where = among == null ? "" : "where case_id = any(?)";
        Object[] params = among == null ? new Object[0]
                : new Object[] { among.stream().map(CaseId::value).distinct().toArray(UUID[]::new) };
        java.util.Map<String, Long> answered = new java.util.HashMap<>();
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("""
                select question_key, value, count(distinct case_id) as n from intake_answer %s
                group by grouping sets ((question_key), (question_key, value))
                """.formatted(where)).params(params).query((rs, row) -> {
                    String value = rs.getString("value");
                    if (value == null) {
                        answered.put(rs.getString("question_key"), rs.getLong("n"));
                    } else {
                        counts.put(rs.getString("question_key") + "=" + value, rs.getLong("n"));
                    }
                    return null;
                }).list();
        java.util.Map<String, String> prompts = new java.util.HashMap<>();
        jdbc.sql("""
                select distinct on (q ->> 'key') q ->> 'key' as question, q ->> 'prompt' as prompt
                from intake_flow_version v, jsonb_array_elements(v.questions) q
                where q ->> 'key' = any(?) order by q ->> 'key', v.created_at desc
                """).param(answered.keySet().toArray(String[]::new))
                .query((rs, row) -> prompts.put(rs.getString("question"), rs.getString("prompt"))).list();
        return new AnswerCounts(answered, counts, prompts);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static IntakeAnswer answer(ResultSet rs, int row) throws SQLException {
        return new IntakeAnswer(new IntakeFlowId(rs.getObject("flow_id", UUID.class)), rs.getInt("version"),
                rs.getString("question_key"), rs.getString("value"),
                rs.getObject("answered_at", OffsetDateTime.class).toInstant(), rs.getString("answered_by"));
    }
}

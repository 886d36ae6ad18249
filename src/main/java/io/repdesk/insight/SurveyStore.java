package io.repdesk.insight;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The survey invitations, one per case, each with its token's hash and the answer once given. */
@Repository
class SurveyStore {

    private final JdbcClient jdbc;

    SurveyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A case's survey as stored. */
    record Stored(UUID caseId, Instant sentAt, Instant expiresAt, @Nullable Integer score, @Nullable String comment) {

        boolean answered() {
            return score != null;
        }
    }

    Optional<Stored> ofCase(UUID caseId) {
        return jdbc.sql("select case_id, sent_at, expires_at, score, comment from survey_invitation where case_id = ?")
                .param(caseId).query((rs, row) -> stored(rs)).optional();
    }

    /** The survey whose token has this hash, unless it has expired. */
    Optional<Stored> byToken(byte[] hash, Instant now) {
        return jdbc.sql("""
                select case_id, sent_at, expires_at, score, comment from survey_invitation
                where token_hash = ? and expires_at > ?
                """).params(hash, utc(now)).query((rs, row) -> stored(rs)).optional();
    }

    /** Records an invitation; a later one for the same case replaces the earlier token. */
    void invite(UUID caseId, UUID customer, byte[] hash, Instant sentAt, Instant expiresAt) {
        jdbc.sql("""
                insert into survey_invitation (case_id, customer_id, token_hash, sent_at, expires_at)
                values (?, ?, ?, ?, ?)
                on conflict (case_id) do update set token_hash = excluded.token_hash, sent_at = excluded.sent_at,
                    expires_at = excluded.expires_at
                """).params(caseId, customer, hash, utc(sentAt), utc(expiresAt)).update();
    }

    /** Makes room for an answer given in the portal to a case that was never mailed a survey. */
    void ensure(UUID caseId, UUID customer, byte[] hash, Instant now) {
        jdbc.sql("""
                insert into survey_invitation (case_id, customer_id, token_hash, sent_at, expires_at)
                values (?, ?, ?, ?, ?) on conflict (case_id) do nothing
                """).params(caseId, customer, hash, utc(now), utc(now)).update();
    }

    /** Stores the answer unless one was given; returns whether this one was stored. */
    boolean answer(UUID caseId, int score, String comment, Instant at) {
        return jdbc.sql("""
                update survey_invitation set score = ?, comment = ?, answered_at = ?
                where case_id = ? and answered_at is null
                """).params(score, comment, utc(at), caseId).update() == 1;
    }

    private static Stored stored(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Stored(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class).toInstant(),
                rs.getObject(3, OffsetDateTime.class).toInstant(), (Integer) rs.getObject(4), rs.getString(5));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

package io.repdesk.channel.email;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.channel.OutboundMail;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Paging;
import io.repdesk.shared.Where;

/** Mail waiting to go out, and mail gone out, in {@code channel_email_outbox}. */
@Repository
class Outbox {

    private final JdbcClient jdbc;

    Outbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a mail; a second mail for the same contact is not queued. Returns whether it was queued. */
    boolean enqueue(OutboundMail m) {
        return jdbc.sql("""
                insert into channel_email_outbox (id, message_id, kind, case_id, contact_id, recipient, subject,
                    text_body, html_body, in_reply_to, refs, auto_submitted, status, attempts, next_attempt_at,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
                on conflict (contact_id) do nothing
                """)
                .params(m.id(), m.messageId(), m.kind().name(), m.caseId() == null ? null : m.caseId().value(),
                        m.contactId() == null ? null : m.contactId().value(), m.recipient(), m.subject(), m.text(),
                        m.html(), m.inReplyTo(), m.references().toArray(String[]::new), m.autoSubmitted(),
                        utc(m.nextAttemptAt()), utc(m.createdAt()))
                .update() == 1;
    }

    /**
     * Claims the oldest due mail for the current transaction: another node's claim skips it until this
     * transaction ends, so one mail is never sent by two nodes at once.
     */
    Optional<OutboundMail> claimDue(Instant now) {
        return jdbc.sql("""
                select * from channel_email_outbox where status = 'PENDING' and next_attempt_at <= ?
                order by next_attempt_at, created_at limit 1 for update skip locked
                """)
                .param(utc(now)).query(Outbox::mail).optional();
    }

    void markSent(UUID id, Instant at) {
        jdbc.sql("""
                update channel_email_outbox set status = 'SENT', sent_at = ?, attempts = attempts + 1, last_error = null
                where id = ?
                """).params(utc(at), id).update();
    }

    void markRetry(UUID id, Instant next, String error) {
        jdbc.sql("""
                update channel_email_outbox set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                where id = ?
                """).params(utc(next), error, id).update();
    }

    void markFailed(UUID id, String error) {
        jdbc.sql("""
                update channel_email_outbox set status = 'FAILED', attempts = attempts + 1, last_error = ?
                where id = ?
                """).params(error, id).update();
    }

    /** Puts a failed or waiting mail back in line to be sent at once. Returns whether it could. */
    boolean sendAgain(UUID id, Instant now) {
        return jdbc.sql("""
                update channel_email_outbox set status = 'PENDING', next_attempt_at = ?
                where id = ? and status in ('PENDING', 'FAILED')
                """).params(utc(now), id).update() == 1;
    }

    Optional<OutboundMail> find(UUID id) {
        return jdbc.sql("select * from channel_email_outbox where id = ?").param(id).query(Outbox::mail).optional();
    }

    /** The mail of each of the given contacts that has one. */
    Map<ContactId, OutboundMail> forContacts(List<ContactId> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.sql("select * from channel_email_outbox where contact_id = any(?)")
                .param(ids.stream().map(ContactId::value).toArray(UUID[]::new)).query(Outbox::mail).list().stream()
                .collect(Collectors.toMap(OutboundMail::contactId, m -> m));
    }

    Page<OutboundMail> page(OutboundMail.@Nullable Status status, PageRequest page) {
        return Paging.page(jdbc, "channel_email_outbox", new Where().equal("status", status), "created_at desc, id",
                page, Outbox::mail);
    }

    /** How many mails are in each status. */
    Map<OutboundMail.Status, Long> counts() {
        Map<OutboundMail.Status, Long> counts = new java.util.EnumMap<>(OutboundMail.Status.class);
        for (OutboundMail.Status s : OutboundMail.Status.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("select status, count(*) as n from channel_email_outbox group by status")
                .query((rs, row) -> Map.entry(OutboundMail.Status.valueOf(rs.getString("status")), rs.getLong("n")))
                .list().forEach(e -> counts.put(e.getKey(), e.getValue()));
        return counts;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OutboundMail mail(ResultSet rs, int row) throws SQLException {
        UUID caseId = rs.getObject("case_id", UUID.class);
        UUID contactId = rs.getObject("contact_id", UUID.class);
        Array refs = rs.getArray("refs");
        return new OutboundMail(rs.getObject("id", UUID.class), rs.getString("message_id"),
                OutboundMail.Kind.valueOf(rs.getString("kind")), caseId == null ? null : new CaseId(caseId),
                contactId == null ? null : new ContactId(contactId), rs.getString("recipient"),
                rs.getString("subject"), rs.getString("text_body"), rs.getString("html_body"),
                rs.getString("in_reply_to"), refs == null ? List.of() : Arrays.asList((String[]) refs.getArray()),
                rs.getBoolean("auto_submitted"), OutboundMail.Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"), instant(rs, "next_attempt_at"), rs.getString("last_error"),
                instant(rs, "created_at"), instant(rs, "sent_at"));
    }
}

package io.repdesk.channel.email;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.channel.IgnoredEmail;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Paging;
import io.repdesk.shared.Where;

/** Inbound emails set aside, in {@code channel_email_ignored}; one row per message key. */
@Repository
class IgnoredEmails {

    private final JdbcClient jdbc;

    IgnoredEmails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the message; a repeated delivery of the same key keeps the first. Returns whether it was new. */
    boolean insert(String messageKey, IgnoredEmail e) {
        return jdbc.sql("""
                insert into channel_email_ignored (id, message_key, mailbox, reason, detail, sender, subject,
                    message_id, case_id, original_sha256, original_size, received_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (message_key) do nothing
                """)
                .params(e.id(), messageKey, e.mailbox(), e.reason().name(), e.detail(), e.sender(), e.subject(),
                        e.messageId(), e.caseId() == null ? null : e.caseId().value(), e.originalSha256(),
                        e.originalSize(), e.receivedAt().atOffset(ZoneOffset.UTC))
                .update() > 0;
    }

    Page<IgnoredEmail> page(PageRequest page) {
        return Paging.page(jdbc, "channel_email_ignored", new Where(), "received_at desc, id", page,
                IgnoredEmails::ignored);
    }

    long count(String mailbox) {
        return jdbc.sql("select count(*) from channel_email_ignored where mailbox = ?").param(mailbox)
                .query(Long.class).single();
    }

    private static IgnoredEmail ignored(ResultSet rs, int row) throws SQLException {
        UUID caseId = rs.getObject("case_id", UUID.class);
        long size = rs.getLong("original_size");
        Long originalSize = rs.wasNull() ? null : size;
        return new IgnoredEmail(rs.getObject("id", UUID.class),
                rs.getObject("received_at", OffsetDateTime.class).toInstant(), rs.getString("mailbox"),
                IgnoredEmail.Reason.valueOf(rs.getString("reason")), rs.getString("detail"), rs.getString("sender"),
                rs.getString("subject"), rs.getString("message_id"), caseId == null ? null : new CaseId(caseId),
                rs.getString("original_sha256"), originalSize);
    }
}

package io.repdesk.channel.email;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.contact.Direction;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;

/**
 * The Message-IDs of every email received or sent, in {@code channel_email_message}, so that a reply's
 * In-Reply-To or References header leads back to its case. Message-IDs are kept with their angle brackets.
 */
@Repository
class EmailMessages {

    private final JdbcClient jdbc;

    EmailMessages(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Remembers a message; remembering one twice keeps the first. */
    void remember(String messageId, CaseId caseId, @Nullable ContactId contactId, Direction direction) {
        jdbc.sql("""
                insert into channel_email_message (message_id, case_id, contact_id, direction) values (?, ?, ?, ?)
                on conflict (message_id) do nothing
                """)
                .params(messageId, caseId.value(), contactId == null ? null : contactId.value(), direction.name())
                .update();
    }

    /** The case of the most recent of the given messages that repdesk knows, if any. */
    Optional<CaseId> caseOf(List<String> messageIds) {
        if (messageIds.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select case_id from channel_email_message where message_id = any(?)
                order by recorded_at desc limit 1
                """)
                .param(messageIds.toArray(String[]::new)).query(UUID.class).optional().map(CaseId::new);
    }

    /** The Message-IDs of a case's messages, oldest first: the References of a reply on that case. */
    List<String> thread(CaseId caseId) {
        return jdbc.sql("select message_id from channel_email_message where case_id = ? order by recorded_at")
                .param(caseId.value()).query(String.class).list();
    }

    boolean known(String messageId) {
        return jdbc.sql("select count(*) from channel_email_message where message_id = ?").param(messageId)
                .query(Long.class).single() > 0;
    }
}

package io.repdesk.channel.email;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.channel.RefusedFile;
import io.repdesk.shared.ContactId;

/** Files of inbound emails that were not kept, in {@code channel_email_refused}. */
@Repository
class RefusedFiles {

    private final JdbcClient jdbc;

    RefusedFiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(RefusedFile f) {
        jdbc.sql("""
                insert into channel_email_refused (contact_id, position, filename, media_type, size, reason)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """)
                .params(f.contactId().value(), f.position(), f.filename(), f.mediaType(), f.size(), f.reason())
                .update();
    }

    Map<ContactId, List<RefusedFile>> of(List<ContactId> contacts) {
        Map<ContactId, List<RefusedFile>> byContact = new LinkedHashMap<>();
        if (contacts.isEmpty()) {
            return byContact;
        }
        jdbc.sql("select * from channel_email_refused where contact_id = any(?) order by contact_id, position")
                .param(contacts.stream().map(ContactId::value).toArray(UUID[]::new))
                .query((rs, row) -> new RefusedFile(new ContactId(rs.getObject("contact_id", UUID.class)),
                        rs.getInt("position"), rs.getString("filename"), rs.getString("media_type"),
                        rs.getLong("size"), rs.getString("reason")))
                .list().forEach(f -> byContact.computeIfAbsent(f.contactId(), k -> new java.util.ArrayList<>()).add(f));
        return byContact;
    }
}

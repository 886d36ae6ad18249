package io.repdesk.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;

/** Stores what contacts carry besides their text: attachment rows in {@code contact_attachment}, HTML bodies. */
@Repository
class ContactEnclosures {

    private final JdbcClient jdbc;

    ContactEnclosures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ContactId contactId, Enclosures enclosures) {
        if (enclosures.html() != null && !enclosures.html().isBlank()) {
            jdbc.sql("insert into contact_html (contact_id, html) values (?, ?)")
                    .params(contactId.value(), enclosures.html()).update();
        }
        int position = 0;
        for (NewAttachment a : enclosures.attachments()) {
            insert(contactId, position++, a, false);
        }
        if (enclosures.original() != null) {
            insert(contactId, position, enclosures.original(), true);
        }
    }

    private void insert(ContactId contactId, int position, NewAttachment a, boolean original) {
        jdbc.sql("""
                insert into contact_attachment (contact_id, position, filename, media_type, size, sha256, content_id,
                    inline, original)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(contactId.value(), position, a.filename(), a.mediaType(), a.file().size(), a.file().sha256(),
                        a.contentId(), a.inline(), original)
                .update();
    }

    List<Attachment> attachments(ContactId contactId) {
        return jdbc.sql("select * from contact_attachment where contact_id = ? order by position")
                .param(contactId.value()).query(ContactEnclosures::attachment).list();
    }

    /** The attachments of every contact on the given cases. */
    List<Attachment> attachmentsOfCases(List<CaseId> ids) {
        return jdbc.sql("""
                select a.* from contact_attachment a join contact_contact c on c.id = a.contact_id
                where c.case_id = any(?) order by c.occurred_at, a.position
                """)
                .param(ids.stream().map(CaseId::value).toArray(UUID[]::new))
                .query(ContactEnclosures::attachment).list();
    }

    Optional<String> html(ContactId contactId) {
        return jdbc.sql("select html from contact_html where contact_id = ?").param(contactId.value())
                .query(String.class).optional();
    }

    private static Attachment attachment(ResultSet rs, int row) throws SQLException {
        return new Attachment(new ContactId(rs.getObject("contact_id", UUID.class)), rs.getInt("position"),
                rs.getString("filename"), rs.getString("media_type"), rs.getLong("size"), rs.getString("sha256"),
                rs.getString("content_id"), rs.getBoolean("inline"), rs.getBoolean("original"));
    }
}

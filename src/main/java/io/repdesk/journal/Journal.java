package io.repdesk.journal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

import tools.jackson.databind.json.JsonMapper;

/** Appends changes to the journal and reads them back, per stream or in global order. */
@Service
public class Journal {

    /** The actor of changes repdesk makes on its own. */
    public static final String SYSTEM_ACTOR = "repdesk";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    Journal(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * Records a change; must run inside the transaction that makes the change, and is written when that
     * transaction commits (see {@link PendingEntries}). Writers take turns from their first write until their
     * transactions end, so a sequence number never becomes visible before a smaller one: a reader that has
     * applied sequence n has seen everything up to n, forever.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void append(String stream, UUID streamId, String type, Map<String, ?> payload) {
        PendingEntries.of(jdbc).add(new PendingEntries.Entry(stream, streamId, type, currentActor(),
                json.writeValueAsString(payload)));
    }

    /** Writes what the current transaction has appended so far, so that a read in it sees its own entries. */
    private static void writePending() {
        PendingEntries pending = PendingEntries.current();
        if (pending != null) {
            pending.write();
        }
    }

    /** Identifies this database's journal; a projection built from another journal must be rebuilt. */
    public UUID origin() {
        return jdbc.sql("select id from journal_origin").query(UUID.class).single();
    }

    /**
     * The newest sequence number, or 0 for an empty journal. It does not write the current transaction's
     * pending entries: they have no number until the transaction commits or reads the journal.
     */
    public long head() {
        return jdbc.sql("select coalesce(max(sequence), 0) from journal_event").query(Long.class).single();
    }

    /** The history of one thing, oldest first. */
    public List<JournalEntry> forStream(String stream, UUID streamId) {
        writePending();
        return jdbc.sql("""
                select sequence, occurred_at, stream, stream_id, type, actor, payload::text as payload
                from journal_event where stream = :stream and stream_id = :streamId order by sequence
                """)
                .param("stream", stream)
                .param("streamId", streamId)
                .query(Journal::entry)
                .list();
    }

    /**
     * The audit trail of several things at once, newest first, one page at a time: every entry of every stream
     * named, each stream with the ids of the things whose history belongs together (a case and its contacts).
     */
    public Page<JournalEntry> history(Map<String, ? extends Collection<UUID>> streams, PageRequest page) {
        writePending();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        int n = 0;
        for (Map.Entry<String, ? extends Collection<UUID>> stream : streams.entrySet()) {
            if (stream.getValue().isEmpty()) {
                continue;
            }
            conditions.add("(stream = :stream" + n + " and stream_id = any(cast(:ids" + n + " as uuid[])))");
            params.put("stream" + n, stream.getKey());
            // an array literal in one text parameter: UUIDs hold no character that needs quoting
            params.put("ids" + n, stream.getValue().stream().map(UUID::toString)
                    .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            n++;
        }
        if (conditions.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        String where = String.join(" or ", conditions);
        long total = jdbc.sql("select count(*) from journal_event where " + where).params(params).query(Long.class)
                .single();
        List<JournalEntry> entries = jdbc.sql("select sequence, occurred_at, stream, stream_id, type, actor,"
                + " payload::text as payload from journal_event where " + where
                + " order by sequence desc limit :limit offset :offset")
                .params(params)
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(Journal::entry)
                .list();
        return Page.of(entries, page, total);
    }

    /** How many entries of each type the given things of one stream have, for pricing work in bulk. */
    public java.util.Map<String, Long> countTypes(String stream, java.util.Collection<UUID> streamIds) {
        writePending();
        java.util.Map<String, Long> counts = new java.util.HashMap<>();
        if (streamIds.isEmpty()) {
            return counts;
        }
        jdbc.sql("select type, count(*) from journal_event where stream = ? and stream_id = any(?) group by type")
                .params(stream, streamIds.toArray(UUID[]::new))
                .query((rs, row) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    /** Entries after the given sequence number in global order, for consumers that tail the journal. */
    public List<JournalEntry> after(long sequence, int limit) {
        writePending();
        return jdbc.sql("""
                select sequence, occurred_at, stream, stream_id, type, actor, payload::text as payload
                from journal_event where sequence > :sequence order by sequence limit :limit
                """)
                .param("sequence", sequence)
                .param("limit", limit)
                .query(Journal::entry)
                .list();
    }

    private static JournalEntry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new JournalEntry(rs.getLong("sequence"), rs.getObject("occurred_at", java.time.OffsetDateTime.class)
                .toInstant(), rs.getString("stream"), rs.getObject("stream_id", UUID.class), rs.getString("type"),
                rs.getString("actor"), rs.getString("payload"));
    }

    /** The name recorded as actor for changes made now: the signed-in user, else {@code repdesk}. */
    public static String currentActor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken
                ? SYSTEM_ACTOR : auth.getName();
    }
}

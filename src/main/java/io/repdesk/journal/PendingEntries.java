package io.repdesk.journal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The journal entries one transaction has appended but not yet written. They are written together just before
 * the transaction commits, under the append lock, so the lock that keeps sequence order equal to commit order is
 * held only for those inserts and the commit, not for the rest of the transaction. Once written (before commit,
 * before a read of the journal in the same transaction, or when the transaction has appended a great many), later
 * appends of the transaction are written at once: the lock is then held already.
 */
final class PendingEntries implements TransactionSynchronization {

    /** A transaction that appends more than this many writes them as it goes rather than holding them all. */
    static final int MAX_PENDING = 1_000;

    /** The advisory lock that makes journal sequence order equal commit order. */
    private static final long APPEND_LOCK = 0x7265_7064_6573_6bL;

    /** One entry as appended: the actor is the one signed in at the time of the append. */
    record Entry(String stream, UUID streamId, String type, String actor, String payload) {
    }

    private final JdbcClient jdbc;
    private final List<Entry> entries = new ArrayList<>();
    private boolean locked;

    private PendingEntries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The current transaction's pending entries, registered with it on first use. */
    static PendingEntries of(JdbcClient jdbc) {
        PendingEntries pending = current();
        if (pending == null) {
            pending = new PendingEntries(jdbc);
            TransactionSynchronizationManager.bindResource(PendingEntries.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /** The current transaction's pending entries, if it has appended any. */
    static @Nullable PendingEntries current() {
        return TransactionSynchronizationManager.isSynchronizationActive()
                ? (PendingEntries) TransactionSynchronizationManager.getResource(PendingEntries.class) : null;
    }

    void add(Entry entry) {
        entries.add(entry);
        if (locked || entries.size() >= MAX_PENDING) {
            write();
        }
    }

    /** Takes the append lock (once per transaction) and inserts every pending entry in the order appended. */
    void write() {
        if (!locked) {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
            locked = true;
        }
        for (int from = 0; from < entries.size(); from += MAX_PENDING) {
            insert(entries.subList(from, Math.min(from + MAX_PENDING, entries.size())));
        }
        entries.clear();
    }

    /** One multi-row insert; rows of a VALUES list take their identity values in list order. */
    private void insert(List<Entry> batch) {
        if (batch.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("insert into journal_event (stream, stream_id, type, actor, payload) values ");
        List<Object> params = new ArrayList<>(batch.size() * 5);
        for (int i = 0; i < batch.size(); i++) {
            Entry e = batch.get(i);
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, cast(? as jsonb))");
            params.addAll(List.of(e.stream(), e.streamId(), e.type(), e.actor(), e.payload()));
        }
        jdbc.sql(sql.toString()).params(params).update();
    }

    @Override
    public void beforeCommit(boolean readOnly) {
        write();
    }

    @Override
    public void suspend() {
        TransactionSynchronizationManager.unbindResource(PendingEntries.class);
    }

    @Override
    public void resume() {
        TransactionSynchronizationManager.bindResource(PendingEntries.class, this);
    }

    @Override
    public void afterCompletion(int status) {
        TransactionSynchronizationManager.unbindResourceIfPossible(PendingEntries.class);
    }

    /** After every other synchronization's {@code beforeCommit}, so that entries they append are still written. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}

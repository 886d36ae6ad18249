package io.repdesk.search;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * Writes already embedded contacts straight into this node's index, without the journal. Only for
 * synthetic data in a throw-away data directory ({@code repdesk bench matching}): a reindex drops
 * whatever was written this way, because PostgreSQL never held it.
 */
public interface BulkIndex {

    /**
     * One contact as the index holds it.
     *
     * @param needId the need its case is linked to, or null while in triage
     * @param confirmed whether a person linked that need
     */
    record Entry(ContactId contactId, CaseId caseId, CustomerId customerId, Instant occurredAt, String text,
            float[] vector, @Nullable NeedId needId, boolean confirmed) {
    }

    /** Adds the contacts; may be called from several threads at once. */
    void add(List<Entry> entries);

    /** Merges the index into one segment (fastest to search) and makes it durable. */
    void finish();

    /**
     * Hands everything confirmed in the index to the learners again, as at a start (they forget first).
     *
     * @return how many confirmed contacts were handed over
     */
    long relearn();

    /** How the index stores vectors, in a few words: a corpus stored another way is not comparable. */
    String vectorFormat();

    /** Bytes the index takes on disk. */
    long bytesOnDisk();
}

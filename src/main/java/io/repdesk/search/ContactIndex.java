package io.repdesk.search;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * This node's index of contacts: nearest neighbours by meaning, keyword hits by BM25, and the need
 * each contact's case is linked to. It trails the journal by a few milliseconds.
 */
public interface ContactIndex {

    /** The last journal sequence this index has applied. */
    long appliedSequence();

    /** Waits until the index has applied the journal up to {@code sequence}; false on timeout. */
    boolean awaitSequence(long sequence, Duration timeout);

    /** Inbound contacts closest in meaning to the vector, best first. */
    List<Hit> nearest(float[] vector, int k);

    /**
     * The same contacts as {@link #nearest}, carrying only what matching reads (need, confirmation,
     * cosine): no stored text is decompressed, so a search costs the vector graph and little else.
     */
    List<Neighbour> neighbours(float[] vector, int k);

    /**
     * The vector this index holds for a contact, if it has indexed the contact with one: matching reuses it
     * rather than running the model on the same text again.
     */
    java.util.Optional<float[]> vectorOf(io.repdesk.shared.ContactId contact);

    /** Contacts whose text best matches the words, best first (BM25). */
    List<Hit> keyword(String text, int k);

    /** Calls back with every inbound contact whose case a person linked to a need, and its vector. */
    void forEachConfirmed(BiConsumer<NeedId, float[]> consumer);

    /** The most recent inbound contacts whose case has no need, newest first, with their vectors. */
    List<Unlinked> unlinked(int limit);

    /** Number of contacts in the index. */
    int size();

    /**
     * A contact found by a search.
     *
     * @param needId the need its case is linked to, or null while in triage
     * @param confirmed whether a person linked (or confirmed) that need, rather than repdesk alone
     * @param score cosine similarity for {@link #nearest}, BM25 score for {@link #keyword}
     */
    record Hit(ContactId contactId, CaseId caseId, @Nullable NeedId needId, boolean confirmed, float score,
            String text) {
    }

    /**
     * A contact found by {@link #neighbours}.
     *
     * @param needId the need its case is linked to, or null while in triage
     * @param confirmed whether a person linked (or confirmed) that need
     * @param score cosine similarity to the searched vector
     */
    record Neighbour(@Nullable NeedId needId, boolean confirmed, float score) {
    }

    /** An inbound contact waiting in triage, as discovery sees it. */
    record Unlinked(ContactId contactId, CaseId caseId, @Nullable CustomerId customerId, Instant occurredAt,
            String text, float[] vector) {
    }

    /**
     * Learns from the index: first everything it holds (after a {@link #reset()}), then, as the journal
     * is applied, each time a person links or confirms a case's need.
     */
    interface LabelListener {

        /** Forget what was learned; the index is about to hand over everything it holds. */
        void reset();

        /**
         * Inbound contacts now confirmed as instances of {@code need}.
         *
         * @param previous the need these contacts were confirmed for before (a correction), or null
         */
        void confirmed(NeedId need, @Nullable NeedId previous, List<float[]> vectors);

        /** Everything the index held has been handed over; what follows arrives one change at a time. */
        default void caughtUp() {
        }
    }
}

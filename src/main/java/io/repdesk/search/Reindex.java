package io.repdesk.search;

import java.util.function.LongConsumer;

/** Rebuilds this node's index from PostgreSQL by replaying the whole journal. */
public interface Reindex {

    /** The journal's newest sequence: how far a rebuild has to go. */
    long journalHead();

    /** Empties the index and replays the journal, calling back with the sequence reached after each batch. */
    void rebuild(LongConsumer progress);
}

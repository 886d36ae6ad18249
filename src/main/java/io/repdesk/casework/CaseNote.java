package io.repdesk.casework;

import java.time.Instant;

/** Something an agent wrote on a case for colleagues; the customer never sees it. */
public record CaseNote(Kind kind, String body, String author, Instant writtenAt) {

    /** What the note records. */
    public enum Kind {
        /** A remark or finding. */
        NOTE,
        /** Something tried, and what happened. */
        ATTEMPT,
        /** A way around the problem that worked. */
        WORKAROUND
    }
}

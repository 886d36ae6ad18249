package io.repdesk.casework;

import io.repdesk.shared.Conflict;

/** Thrown when a closed case is asked to change; closed cases are history. */
public class CaseAlreadyClosed extends Conflict {

    public CaseAlreadyClosed(String reference) {
        super("Case " + reference + " is closed and cannot change");
    }
}

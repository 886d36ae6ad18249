package io.repdesk.sla;

/** A case's status as far as service-level clocks care; casework maps its own statuses onto these. */
public enum CaseState {
    NEW, OPEN, WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY, RESOLVED, CLOSED;

    /** Resolved or closed: the resolution target is met and no reply is owed. */
    public boolean isDone() {
        return this == RESOLVED || this == CLOSED;
    }
}

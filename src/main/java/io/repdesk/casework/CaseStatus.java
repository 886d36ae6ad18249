package io.repdesk.casework;

/** Where a case stands; the first four are open. */
public enum CaseStatus {
    NEW, OPEN, WAITING_ON_CUSTOMER, WAITING_ON_THIRD_PARTY, RESOLVED, CLOSED;

    public boolean isOpen() {
        return this != RESOLVED && this != CLOSED;
    }
}

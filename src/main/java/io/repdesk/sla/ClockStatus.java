package io.repdesk.sla;

/** Where a service-level clock stands at the moment it is evaluated. */
public enum ClockStatus {

    /** Counting, with more than the warning lead time left. */
    RUNNING,

    /** Not counting, because the case is in one of the policy's pause statuses; not breached. */
    PAUSED,

    /** Counting, and within the warning lead time of its due instant. */
    WARNING,

    /** Past its due instant without being met; still owed. */
    BREACHED,

    /** Met on or before its due instant. */
    MET,

    /** Met after its due instant had passed. */
    MET_LATE,

    /** Ended without being met because the case was resolved or closed (e.g. no reply was needed). */
    STOPPED
}

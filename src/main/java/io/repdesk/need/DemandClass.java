package io.repdesk.need;

/** Whether a need erodes value, is routine, or adds value; decides what the team does about it. */
public enum DemandClass {
    /** Not classified yet. */
    UNCLASSIFIED,
    /** Bad for customer and company (defects, wasteful processes, repeat contacts): remove it. */
    VALUE_ERODING,
    /** Predictable and transactional: redistribute to self-service or automation. */
    ROUTINE,
    /** Complex or sensitive: route to skilled staff. */
    VALUE_ADDING
}

package io.repdesk.need;

/** Where a need stands in the REP assembly line. */
public enum LifecycleStage {
    /** Newly known: handled case by case, diagnostics gathered, workaround sought. */
    RESPOND,
    /** Known and named: knowledge and self-service put the answer where customers are. */
    EMPOWER,
    /** Handed to engineering to design the root cause out. */
    PREVENT,
    /** Verified gone: no more contacts from customers on fixed versions. */
    ELIMINATED
}

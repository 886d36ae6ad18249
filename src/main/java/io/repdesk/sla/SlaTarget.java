package io.repdesk.sla;

/** What a service-level clock measures. */
public enum SlaTarget {

    /** From the case's creation to the first public reply by an agent. */
    FIRST_RESPONSE,

    /** From a customer's message after an agent replied (the customer waits again) to the next reply. */
    NEXT_RESPONSE,

    /** From the case's creation to its resolution; reopening resumes the same clock. */
    RESOLUTION
}

package io.repdesk.prevent;

/** Where the check that a handed-off need is gone stands. */
public enum Verification {
    /** Handed to engineering; no fix released yet. */
    AWAITING_FIX,
    /** A fix shipped; repdesk watches customers on fixed versions through the verification window. */
    VERIFYING,
    /** A customer on a fixed version contacted us about the need after the fix shipped. */
    REGRESSION,
    /** No contact from customers on fixed versions for the whole window while customers upgraded. */
    VERIFIED_ELIMINATED,
    /** Demand came back after the need was eliminated; it is back in Prevent. */
    REOPENED
}

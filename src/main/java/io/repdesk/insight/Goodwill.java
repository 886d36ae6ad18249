package io.repdesk.insight;

import java.math.BigDecimal;
import java.time.Instant;

/** A goodwill gesture given to a customer: a credit or a waived charge, with its reason and cost. */
public record Goodwill(Kind kind, BigDecimal amount, String currency, String reason, String givenBy, Instant givenAt) {

    /** What was given. */
    public enum Kind {
        /** Money credited to the customer's account. */
        CREDIT,
        /** A charge or fee not taken. */
        WAIVER
    }
}

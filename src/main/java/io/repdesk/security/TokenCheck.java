package io.repdesk.security;

/** What a token presented with a request turned out to be. */
sealed interface TokenCheck {

    record Accepted(ApiToken token) implements TokenCheck {
    }

    /** Refused, with the reason told to the caller. */
    record Refused(String reason) implements TokenCheck {
    }
}

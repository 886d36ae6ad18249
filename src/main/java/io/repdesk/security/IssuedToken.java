package io.repdesk.security;

/** A freshly issued token with its secret value: the only time the value is known to repdesk. */
public record IssuedToken(ApiToken token, String value) {
}

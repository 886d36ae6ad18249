package io.repdesk.security;

import java.time.Instant;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/** What to issue a token for: the integration's name, the scopes it needs, and when it stops working. */
public record NewApiToken(String name, Set<ApiScope> scopes, @Nullable Instant expiresAt) {
}

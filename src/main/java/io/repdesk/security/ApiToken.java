package io.repdesk.security;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An integration's key to the API; the token itself is never stored.
 *
 * @param hint the first characters of the token, to tell tokens apart in lists
 * @param createdBy the agent who issued it
 * @param lastUsedAt when it last authenticated a request, to the minute
 */
public record ApiToken(UUID id, String name, String hint, Set<ApiScope> scopes, String createdBy, Instant createdAt,
        @Nullable Instant lastUsedAt, @Nullable Instant expiresAt, @Nullable Instant revokedAt,
        @Nullable String revokedBy) {

    /** The actor recorded in the journal for changes made with this token. */
    public String actor() {
        return ApiTokenAuthentication.ACTOR_PREFIX + name;
    }

    public boolean isRevoked() {
        return revokedAt != null;
    }

    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** The scopes among those required that the token does not hold, in the order given. */
    List<ApiScope> lacking(ApiScope... required) {
        return Arrays.stream(required).filter(s -> !scopes.contains(s)).toList();
    }

    /** Whether the token authenticates requests at that moment. */
    public boolean isLiveAt(Instant now) {
        return !isRevoked() && !isExpiredAt(now);
    }
}

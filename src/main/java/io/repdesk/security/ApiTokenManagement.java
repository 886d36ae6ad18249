package io.repdesk.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.RandomText;

/** Issues, lists and revokes API tokens, and checks the ones presented with API requests. */
@Service
@Transactional(readOnly = true)
public class ApiTokenManagement {

    /** Every token starts so, which makes a leaked one easy to recognize (and to scan for). */
    public static final String PREFIX = "rdk_";

    /** Last use is written at most this often per token, so a busy integration costs no write per request. */
    static final Duration LAST_USED_RESOLUTION = Duration.ofMinutes(1);

    private static final int RANDOM_CHARACTERS = 40;

    private final ApiTokens tokens;
    private final Journal journal;
    private final Clock clock;
    private final Map<UUID, Instant> lastUseWritten = new ConcurrentHashMap<>();

    ApiTokenManagement(ApiTokens tokens, Journal journal, Clock clock) {
        this.tokens = tokens;
        this.journal = journal;
        this.clock = clock;
    }

    /** Issues a token; its value is in the answer and nowhere else. */
    @Transactional
    public IssuedToken issue(NewApiToken request) {
        String name = request.name().strip();
        if (name.isEmpty() || name.length() > 80 || !name.matches("[\\p{L}\\p{N} ._-]+")) {
            throw new InvalidInput("name", "must be 1–80 letters, digits, spaces, dots, dashes or underscores");
        }
        if (tokens.liveNameTaken(name)) {
            throw new InvalidInput("name", "is already the name of a live token");
        }
        if (request.scopes().isEmpty()) {
            throw new InvalidInput("scopes", "must name at least one scope");
        }
        Instant now = clock.instant();
        if (request.expiresAt() != null && !request.expiresAt().isAfter(now)) {
            throw new InvalidInput("expiresAt", "must be in the future");
        }
        String value = PREFIX + RandomText.base62(RANDOM_CHARACTERS);
        ApiToken token = new ApiToken(UUID.randomUUID(), name, value.substring(0, PREFIX.length() + 6),
                EnumSet.copyOf(request.scopes()), Journal.currentActor(), now, null, request.expiresAt(), null, null);
        try {
            tokens.insert(token, hash(value));
        } catch (DuplicateKeyException raced) {
            throw new InvalidInput("name", "is already the name of a live token");
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", name);
        facts.put("scopes", token.scopes().stream().map(ApiScope::value).toList());
        facts.put("expiresAt", token.expiresAt() == null ? null : token.expiresAt().toString());
        journal.append("api-token", token.id(), "ApiTokenIssued", facts);
        return new IssuedToken(token, value);
    }

    public List<ApiToken> all() {
        return tokens.all();
    }

    public ApiToken get(UUID id) {
        return tokens.byId(id).orElseThrow(() -> new NotFound("api token", "tokenId", id));
    }

    /** Revokes a token at once; revoking it again changes nothing. */
    @Transactional
    public ApiToken revoke(UUID id) {
        ApiToken token = get(id);
        if (!token.isRevoked()) {
            tokens.revoke(id, clock.instant(), Journal.currentActor());
            journal.append("api-token", id, "ApiTokenRevoked", Map.of("name", token.name()));
        }
        return get(id);
    }

    /** Checks a presented token and notes its use (to the minute). */
    @Transactional
    TokenCheck check(String value) {
        if (!value.startsWith(PREFIX)) {
            return new TokenCheck.Refused("The API token is not one repdesk issued");
        }
        ApiToken token = tokens.byHash(hash(value)).orElse(null);
        Instant now = clock.instant();
        if (token == null) {
            return new TokenCheck.Refused("The API token is not known");
        }
        if (token.isRevoked()) {
            return new TokenCheck.Refused("The API token \"" + token.name() + "\" was revoked");
        }
        if (token.isExpiredAt(now)) {
            return new TokenCheck.Refused("The API token \"" + token.name() + "\" expired at " + token.expiresAt());
        }
        noteUse(token, now);
        return new TokenCheck.Accepted(token);
    }

    private void noteUse(ApiToken token, Instant now) {
        Instant written = latest(lastUseWritten.get(token.id()), token.lastUsedAt());
        if (written == null || !now.isBefore(written.plus(LAST_USED_RESOLUTION))) {
            tokens.touch(token.id(), now);
            lastUseWritten.put(token.id(), now);
        }
    }

    private static @Nullable Instant latest(@Nullable Instant a, @Nullable Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** SHA-256 suffices: a token carries about 238 random bits, so there is nothing to guess or stretch. */
    static String hash(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

package io.repdesk.security;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores API tokens, by the hash of their value, in {@code security_api_token}. */
@Repository
class ApiTokens {

    private static final String COLUMNS = """
            id, name, token_hint, scopes, created_by, created_at, last_used_at, expires_at, revoked_at, revoked_by
            """;

    private final JdbcClient jdbc;

    ApiTokens(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(ApiToken token, String hash) {
        jdbc.sql("""
                insert into security_api_token (id, name, token_hash, token_hint, scopes, created_by, created_at,
                    expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(token.id(), token.name(), hash, token.hint(),
                        token.scopes().stream().map(ApiScope::value).toArray(String[]::new), token.createdBy(),
                        timestamp(token.createdAt()), timestamp(token.expiresAt()))
                .update();
    }

    Optional<ApiToken> byHash(String hash) {
        return jdbc.sql("select " + COLUMNS + " from security_api_token where token_hash = ?").param(hash)
                .query(ApiTokens::token).optional();
    }

    Optional<ApiToken> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from security_api_token where id = ?").param(id)
                .query(ApiTokens::token).optional();
    }

    boolean liveNameTaken(String name) {
        return jdbc.sql("select count(*) from security_api_token where lower(name) = lower(?) and revoked_at is null")
                .param(name).query(Long.class).single() > 0;
    }

    /** Live tokens first, newest first within each group. */
    List<ApiToken> all() {
        return jdbc.sql("select " + COLUMNS + " from security_api_token order by revoked_at is not null, created_at desc")
                .query(ApiTokens::token).list();
    }

    void revoke(UUID id, Instant at, String by) {
        jdbc.sql("update security_api_token set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
                .params(timestamp(at), by, id).update();
    }

    /** Moves last use forward, never back (another node may have written a later moment). */
    void touch(UUID id, Instant at) {
        jdbc.sql("""
                update security_api_token set last_used_at = ?
                where id = ? and (last_used_at is null or last_used_at < ?)
                """)
                .params(timestamp(at), id, timestamp(at)).update();
    }

    private static ApiToken token(ResultSet rs, int row) throws SQLException {
        return new ApiToken(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("token_hint"),
                scopes(rs.getArray("scopes")), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                instant(rs, "last_used_at"), instant(rs, "expires_at"), instant(rs, "revoked_at"),
                rs.getString("revoked_by"));
    }

    private static Set<ApiScope> scopes(Array array) throws SQLException {
        Set<ApiScope> scopes = EnumSet.noneOf(ApiScope.class);
        for (String name : (String[]) array.getArray()) {
            // a scope retired in a later version simply no longer grants anything
            ApiScope.named(name).ifPresent(scopes::add);
        }
        return scopes;
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}

package io.repdesk.security;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CustomerId;

/** Stores the hashes of portal sign-in links in {@code security_portal_link}. */
@Repository
class PortalLinks {

    private final JdbcClient jdbc;

    PortalLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String tokenHash, CustomerId customer, Instant requestedAt, Instant expiresAt) {
        jdbc.sql("""
                insert into security_portal_link (token_hash, customer_id, requested_at, expires_at)
                values (?, ?, ?, ?)
                """).params(tokenHash, customer.value(), utc(requestedAt), utc(expiresAt)).update();
    }

    /** How many links the customer asked for since the moment. */
    int requestedSince(CustomerId customer, Instant since) {
        return jdbc.sql("select count(*) from security_portal_link where customer_id = ? and requested_at >= ?")
                .params(customer.value(), utc(since)).query(Integer.class).single();
    }

    /**
     * Marks an unused, unexpired link used and says whose it was, in one statement: two clicks racing each
     * other cannot both sign in.
     */
    Optional<CustomerId> use(String tokenHash, Instant now) {
        return jdbc.sql("""
                update security_portal_link set used_at = ?
                where token_hash = ? and used_at is null and expires_at > ?
                returning customer_id
                """).params(utc(now), tokenHash, utc(now))
                .query((rs, row) -> new CustomerId(rs.getObject("customer_id", UUID.class))).optional();
    }

    /** Forgets links that expired before the moment; they can no longer sign anyone in. */
    void forgetExpired(Instant before) {
        jdbc.sql("delete from security_portal_link where expires_at < ?").param(utc(before)).update();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

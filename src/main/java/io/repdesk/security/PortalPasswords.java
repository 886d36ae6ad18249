package io.repdesk.security;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CustomerId;

/** Stores customers' hashed portal passwords in {@code security_portal_password}. */
@Repository
class PortalPasswords {

    private final JdbcClient jdbc;

    PortalPasswords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void put(CustomerId customer, String passwordHash, Instant at) {
        jdbc.sql("""
                insert into security_portal_password (customer_id, password_hash, changed_at) values (?, ?, ?)
                on conflict (customer_id) do update set password_hash = excluded.password_hash,
                    changed_at = excluded.changed_at
                """).params(customer.value(), passwordHash, at.atOffset(ZoneOffset.UTC)).update();
    }

    Optional<String> hash(CustomerId customer) {
        return jdbc.sql("select password_hash from security_portal_password where customer_id = ?")
                .param(customer.value()).query(String.class).optional();
    }

    /** The customers with a password, those who set one first first. */
    List<CustomerId> holders(int limit) {
        return jdbc.sql("select customer_id from security_portal_password order by changed_at, customer_id limit ?")
                .param(limit).query((rs, row) -> new CustomerId(rs.getObject("customer_id", UUID.class))).list();
    }
}

package io.repdesk.security;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores agent accounts in {@code security_agent}. */
@Repository
class Agents {

    private final JdbcClient jdbc;

    Agents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Agent agent, String passwordHash) {
        jdbc.sql("insert into security_agent (username, display_name, role, enabled, password_hash) values (?, ?, ?, ?, ?)")
                .params(agent.username(), agent.displayName(), agent.role().name(), agent.enabled(), passwordHash)
                .update();
    }

    Optional<Credentials> credentials(String username) {
        return jdbc.sql("select username, display_name, role, enabled, password_hash, locked_until from security_agent "
                + "where username = ?")
                .param(username)
                .query((rs, row) -> {
                    java.sql.Timestamp locked = rs.getTimestamp("locked_until");
                    return new Credentials(new Agent(rs.getString("username"), rs.getString("display_name"),
                            Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")), rs.getString("password_hash"),
                            locked == null ? null : locked.toInstant());
                })
                .optional();
    }

    /**
     * Counts one more wrong password; when that reaches {@code max}, locks the account until {@code until}
     * (counting again from zero after it) and answers that moment. Unknown usernames change nothing.
     */
    Optional<java.time.Instant> recordFailedSignIn(String username, int max, java.time.Instant until) {
        return jdbc.sql("""
                update security_agent
                   set failed_sign_ins = case when failed_sign_ins + 1 >= ? then 0 else failed_sign_ins + 1 end,
                       locked_until = case when failed_sign_ins + 1 >= ? then ? else locked_until end
                 where username = ?
                returning locked_until = ? as locked, locked_until""")
                .params(max, max, java.sql.Timestamp.from(until), username, java.sql.Timestamp.from(until))
                .query((rs, row) -> rs.getBoolean("locked") ? rs.getTimestamp("locked_until").toInstant() : null)
                .optional();
    }

    void resetFailedSignIns(String username) {
        jdbc.sql("update security_agent set failed_sign_ins = 0, locked_until = null "
                + "where username = ? and (failed_sign_ins <> 0 or locked_until is not null)").param(username).update();
    }

    /** Until when each agent is locked out, for those locked at {@code now}. */
    java.util.Map<String, java.time.Instant> lockedAt(java.time.Instant now) {
        return jdbc.sql("select username, locked_until from security_agent where locked_until > ?")
                .param(java.sql.Timestamp.from(now))
                .query((rs, row) -> java.util.Map.entry(rs.getString("username"), rs.getTimestamp("locked_until").toInstant()))
                .list().stream().collect(java.util.stream.Collectors.toMap(java.util.Map.Entry::getKey,
                        java.util.Map.Entry::getValue));
    }

    List<Agent> all() {
        return jdbc.sql("select username, display_name, role, enabled from security_agent order by username")
                .query((rs, row) -> new Agent(rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")))
                .list();
    }

    void update(Agent agent) {
        jdbc.sql("update security_agent set display_name = ?, role = ?, enabled = ? where username = ?")
                .params(agent.displayName(), agent.role().name(), agent.enabled(), agent.username()).update();
    }

    void changePassword(String username, String passwordHash) {
        jdbc.sql("update security_agent set password_hash = ?, failed_sign_ins = 0, locked_until = null where username = ?")
                .params(passwordHash, username).update();
    }

    long countEnabledAdmins() {
        return jdbc.sql("select count(*) from security_agent where role = 'ADMIN' and enabled").query(Long.class)
                .single();
    }

    long count() {
        return jdbc.sql("select count(*) from security_agent").query(Long.class).single();
    }

    record Credentials(Agent agent, String passwordHash, java.time.@org.jspecify.annotations.Nullable Instant lockedUntil) {
    }
}

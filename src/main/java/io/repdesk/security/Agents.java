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
        return jdbc.sql("select username, display_name, role, enabled, password_hash from security_agent where username = ?")
                .param(username)
                .query((rs, row) -> new Credentials(new Agent(rs.getString("username"), rs.getString("display_name"),
                        Role.valueOf(rs.getString("role")), rs.getBoolean("enabled")), rs.getString("password_hash")))
                .optional();
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
        jdbc.sql("update security_agent set password_hash = ? where username = ?").params(passwordHash, username)
                .update();
    }

    long countEnabledAdmins() {
        return jdbc.sql("select count(*) from security_agent where role = 'ADMIN' and enabled").query(Long.class)
                .single();
    }

    long count() {
        return jdbc.sql("select count(*) from security_agent").query(Long.class).single();
    }

    record Credentials(Agent agent, String passwordHash) {
    }
}

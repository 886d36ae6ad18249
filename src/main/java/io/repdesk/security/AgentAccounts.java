package io.repdesk.security;

import java.util.List;
import java.util.Map;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;

/** Creates agent accounts and looks them up for sign-in. */
@Service
@Transactional(readOnly = true)
public class AgentAccounts implements UserDetailsService {

    /** Shorter passwords are refused; length beats composition rules. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private final Agents agents;
    private final PasswordEncoder passwords;
    private final Journal journal;
    private final java.time.Clock clock;

    AgentAccounts(Agents agents, PasswordEncoder passwords, Journal journal, java.time.Clock clock) {
        this.agents = agents;
        this.passwords = passwords;
        this.journal = journal;
        this.clock = clock;
    }

    @Transactional
    public Agent create(String username, String displayName, Role role, String password) {
        if (!username.matches("[a-z0-9._-]{2,64}")) {
            throw new InvalidInput("username", "must be 2–64 characters of a–z, 0–9, dot, dash or underscore");
        }
        if (displayName.isBlank() || displayName.length() > 100) {
            throw new InvalidInput("displayName", "must be 1–100 characters");
        }
        checkPassword(password);
        if (agents.credentials(username).isPresent()) {
            throw new Conflict("An agent named " + username + " already exists");
        }
        Agent agent = new Agent(username, displayName, role, true);
        agents.insert(agent, passwords.encode(password));
        journal.append("agent", java.util.UUID.nameUUIDFromBytes(username.getBytes()), "AgentCreated",
                Map.of("username", username, "role", role));
        return agent;
    }

    /**
     * Changes an account's name, role or whether it may sign in. The last enabled admin cannot lose the role
     * or be disabled: someone must always be able to administer the installation.
     */
    @Transactional
    public Agent change(String username, String displayName, Role role, boolean enabled, String changedBy) {
        Agent before = agents.credentials(username).map(Agents.Credentials::agent)
                .orElseThrow(() -> new io.repdesk.shared.NotFound("agent", username));
        if (displayName.isBlank() || displayName.length() > 100) {
            throw new InvalidInput("displayName", "must be 1–100 characters");
        }
        boolean losesAdmin = before.role() == Role.ADMIN && before.enabled() && (role != Role.ADMIN || !enabled);
        if (losesAdmin && agents.countEnabledAdmins() <= 1) {
            throw new InvalidInput(role != Role.ADMIN ? "role" : "enabled",
                    "this is the last enabled admin; make another agent admin first");
        }
        Agent after = new Agent(username, displayName.strip(), role, enabled);
        agents.update(after);
        journal.append("agent", java.util.UUID.nameUUIDFromBytes(username.getBytes()), "AgentChanged",
                Map.of("username", username, "changedBy", changedBy, "before",
                        Map.of("displayName", before.displayName(), "role", before.role(), "enabled", before.enabled()),
                        "after", Map.of("displayName", after.displayName(), "role", role, "enabled", enabled)));
        return after;
    }

    /** Sets a new password (the hash is stored, never the password); journaled without the password. */
    @Transactional
    public void setPassword(String username, String password, String changedBy) {
        if (agents.credentials(username).isEmpty()) {
            throw new io.repdesk.shared.NotFound("agent", username);
        }
        checkPassword(password);
        agents.changePassword(username, passwords.encode(password));
        journal.append("agent", java.util.UUID.nameUUIDFromBytes(username.getBytes()), "AgentPasswordSet",
                Map.of("username", username, "changedBy", changedBy));
    }

    /** The password policy: long enough, not all one character, not the username. */
    static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.length() > 200) {
            throw new InvalidInput("password", "must be at most 200 characters");
        }
        if (password.chars().distinct().count() < 4) {
            throw new InvalidInput("password", "must use at least 4 different characters");
        }
    }

    /** The agents locked out now after too many wrong passwords, and until when. */
    public Map<String, java.time.Instant> lockedOut() {
        return agents.lockedAt(clock.instant());
    }

    public java.util.Optional<Agent> find(String username) {
        return agents.credentials(username).map(Agents.Credentials::agent);
    }

    public long count() {
        return agents.count();
    }

    public List<Agent> all() {
        return agents.all();
    }

    /** The role itself and each of its permissions. */
    static List<SimpleGrantedAuthority> authorities(Role role) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of("ROLE_" + role.name()),
                role.permissions().stream().map(Permission::authority)).map(SimpleGrantedAuthority::new).toList();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Agents.Credentials credentials = agents.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No agent " + username));
        Agent agent = credentials.agent();
        return User.withUsername(agent.username())
                .password(credentials.passwordHash())
                .disabled(!agent.enabled())
                .accountLocked(credentials.lockedUntil() != null && credentials.lockedUntil().isAfter(clock.instant()))
                .authorities(authorities(agent.role()))
                .build();
    }
}

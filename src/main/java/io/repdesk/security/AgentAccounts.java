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

    AgentAccounts(Agents agents, PasswordEncoder passwords, Journal journal) {
        this.agents = agents;
        this.passwords = passwords;
        this.journal = journal;
    }

    @Transactional
    public Agent create(String username, String displayName, Role role, String password) {
        if (!username.matches("[a-z0-9._-]{2,64}")) {
            throw new InvalidInput("username", "must be 2–64 characters of a–z, 0–9, dot, dash or underscore");
        }
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new InvalidInput("password", "must be at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (agents.credentials(username).isPresent()) {
            throw new Conflict("An agent named " + username + " already exists");
        }
        Agent agent = new Agent(username, displayName, role, true);
        agents.insert(agent, passwords.encode(password));
        journal.append("agent", java.util.UUID.nameUUIDFromBytes(username.getBytes()), "AgentCreated",
                Map.of("username", username, "role", role));
        return agent;
    }

    public long count() {
        return agents.count();
    }

    public List<Agent> all() {
        return agents.all();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        Agents.Credentials credentials = agents.credentials(username)
                .orElseThrow(() -> new UsernameNotFoundException("No agent " + username));
        Agent agent = credentials.agent();
        return User.withUsername(agent.username())
                .password(credentials.passwordHash())
                .disabled(!agent.enabled())
                .authorities(List.of(new SimpleGrantedAuthority("ROLE_" + agent.role().name())))
                .build();
    }
}

package io.repdesk.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;

/**
 * Counts wrong passwords in a row per agent (form sign-in and HTTP Basic alike) and locks the account for
 * a while after too many; while locked, even the right password is refused without being checked, so
 * guessing gains nothing. A successful sign-in resets the count.
 */
@Component
class SignInLockout {

    private static final Logger log = LoggerFactory.getLogger(SignInLockout.class);

    private final Agents agents;
    private final SignInSettings settings;
    private final Journal journal;
    private final Clock clock;

    SignInLockout(Agents agents, SignInSettings settings, Journal journal, Clock clock) {
        this.agents = agents;
        this.settings = settings;
        this.journal = journal;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    public void failed(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username == null || username.contains("@")) {
            return;
        }
        Instant now = clock.instant();
        Instant until = now.plus(settings.lockout());
        agents.recordFailedSignIn(username, settings.maxFailures(), until).ifPresent(lockedUntil -> {
            log.warn("Agent {} locked until {} after {} wrong passwords in a row", username, lockedUntil,
                    settings.maxFailures());
            journal.append("agent", UUID.nameUUIDFromBytes(username.getBytes()), "AgentLockedOut",
                    Map.of("username", username, "until", lockedUntil.toString(), "failures", settings.maxFailures()));
        });
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        if (username != null && !username.contains("@")) {
            agents.resetFailedSignIns(username);
        }
    }
}

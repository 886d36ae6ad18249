package io.repdesk.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many wrong passwords in a row lock an agent account, and for how long. A successful sign-in, or an
 * admin setting a new password, starts the count again.
 */
@ConfigurationProperties("repdesk.security.sign-in")
public record SignInSettings(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockout) {

    public SignInSettings {
        if (maxFailures < 1) {
            throw new IllegalArgumentException("repdesk.security.sign-in.max-failures must be at least 1, not " + maxFailures);
        }
        if (lockout.isNegative() || lockout.isZero()) {
            throw new IllegalArgumentException("repdesk.security.sign-in.lockout must be positive, not " + lockout);
        }
    }
}

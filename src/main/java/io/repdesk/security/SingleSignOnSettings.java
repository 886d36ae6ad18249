package io.repdesk.security;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a single sign-on (OpenID Connect) user becomes an agent: the ID token claim that holds the agent's
 * username, and, for providers that identify people by email address, the one domain whose addresses map to
 * usernames by their local part ({@code sam.tier2@example.com} → {@code sam.tier2}). Addresses of any other
 * domain, and addresses the provider has not verified, map to no one.
 */
@ConfigurationProperties("repdesk.security.sso")
public record SingleSignOnSettings(@DefaultValue("preferred_username") String usernameClaim,
        @Nullable String emailDomain) {

    /** The agent username a claim value stands for, if any. */
    Optional<String> username(@Nullable String claim, @Nullable Boolean emailVerified) {
        if (claim == null || claim.isBlank()) {
            return Optional.empty();
        }
        String value = claim.strip().toLowerCase(Locale.ROOT);
        int at = value.lastIndexOf('@');
        if (at < 0) {
            return Optional.of(value);
        }
        if (emailDomain == null || Boolean.FALSE.equals(emailVerified) || value.indexOf('@') != at
                || !value.substring(at + 1).equals(emailDomain.strip().toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return Optional.of(value.substring(0, at));
    }
}

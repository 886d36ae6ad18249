package io.repdesk.security;

/** A person who works cases: signs in with a username and a hashed password. */
public record Agent(String username, String displayName, Role role, boolean enabled) {
}

package io.repdesk.security;

/** What an agent account may do; more roles arrive with the permission matrix. */
public enum Role {
    AGENT, MANAGER, ADMIN
}

package io.repdesk.knowledge;

/** Who may read an article. */
public enum Audience {
    /** Customers on the portal, and agents. */
    PUBLIC,
    /** Agents only. */
    INTERNAL
}

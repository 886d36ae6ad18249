package io.repdesk.security;

/**
 * What a request may do. Each handler names the one permission it needs with {@link Permits}; a role holds a
 * set of them (see {@link Role}); a handler that names none is refused to everyone.
 */
public enum Permission {

    /** Signing in and out: open to anyone. */
    ANYONE,
    /** The customer portal: a signed-in customer, who sees only their own organization's requests. */
    PORTAL,
    /** Reading the workspace: inbox, queues, cases, needs, emerging needs, customers and their files. */
    VIEW_WORK,
    /** Working cases: replies, notes, status, priority, escalation, linking a need, intake answers, merging duplicates. */
    WORK_CASES,
    /** Recording customers and organizations. */
    EDIT_CUSTOMERS,
    /** Shaping needs: promoting emerging needs, merging and splitting needs, lifecycle stages, replying to all of a need's cases. */
    SHAPE_NEEDS,
    /** Writing and publishing knowledge articles. */
    WRITE_KNOWLEDGE,
    /** Reports across teams: SLA attainment and the dashboards. */
    VIEW_REPORTS,
    /** How support runs: support levels, teams, calendars, SLA policies, escalation rules, intake flows. */
    CONFIGURE_SUPPORT,
    /** The installation: agent accounts, API tokens, webhooks, mailboxes, the outbox. */
    ADMINISTER;

    /** The authority a signed-in account holds for this permission. */
    public String authority() {
        return "PERM_" + name();
    }
}

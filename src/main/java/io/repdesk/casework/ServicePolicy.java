package io.repdesk.casework;

import io.repdesk.shared.CalendarId;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.sla.SlaPolicy;

/**
 * An SLA policy as repdesk keeps it. Of the active policies whose conditions match a case, the one
 * with the lowest rank applies, one formal and one informal at most.
 *
 * @param kind formal: promised to the customer (a contract or plan); informal: an internal target
 */
public record ServicePolicy(SlaPolicyId id, Kind kind, int rank, CalendarId calendarId, SlaPolicy policy,
        SlaConditions conditions, boolean active) {

    /** Whether the customer was promised the policy, or it is the team's own target. */
    public enum Kind {
        FORMAL, INFORMAL
    }

    public String name() {
        return policy.name();
    }
}

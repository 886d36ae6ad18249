package io.repdesk.casework;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.EscalationRuleId;
import io.repdesk.shared.TeamId;

/**
 * When a case can or must move up, and to whom.
 *
 * @param needUnknownHours for {@link Trigger#NEED_UNKNOWN}: hours a case may stay in triage
 * @param priority for {@link Trigger#PRIORITY}: this priority or higher
 * @param plan only cases of customers on this plan (theirs, else their organization's); for
 *     {@link Trigger#CUSTOMER_PLAN} that is the whole trigger
 * @param mandatory true: repdesk escalates at once; false: the case page suggests it to the agent
 */
public record EscalationRule(EscalationRuleId id, String name, Trigger trigger, @Nullable Integer needUnknownHours,
        @Nullable Priority priority, @Nullable String plan, Tier toTier, @Nullable TeamId toTeamId, boolean mandatory,
        boolean active, int rank) {

    /** What makes the rule apply. */
    public enum Trigger {
        /** An SLA clock of the case is within its warning lead. */
        SLA_WARNING,
        /** An SLA clock of the case is breached. */
        SLA_BREACH,
        /** The case has waited in triage, with no need linked, for the given hours. */
        NEED_UNKNOWN,
        /** The case's priority is at least the given one. */
        PRIORITY,
        /** The customer is on the given plan. */
        CUSTOMER_PLAN
    }
}

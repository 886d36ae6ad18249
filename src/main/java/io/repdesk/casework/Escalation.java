package io.repdesk.casework;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One move of a case up the tiers, as kept with the case.
 *
 * @param rule the rule that moved it, or null when a person did
 * @param by the agent who escalated, or {@code repdesk} for a rule
 * @param assignee who the case went to, if the team assigns
 */
public record Escalation(Tier fromTier, Tier toTier, @Nullable String fromTeam, @Nullable String toTeam, String reason,
        @Nullable String rule, String by, @Nullable String assignee, Instant at) {
}

package io.repdesk.casework;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An open case in a team's queue with its SLA state as last computed.
 *
 * @param nextDueAt the earliest moment a running SLA clock of the case falls due
 */
public record QueueEntry(SupportCase supportCase, @Nullable Instant nextDueAt, boolean atRisk, boolean breached) {
}

package io.repdesk.casework;

import java.time.Instant;

import io.repdesk.sla.SlaTarget;

/** A breach as recorded: under which policy, which target, and when the target was missed. */
public record SlaBreach(String policy, SlaTarget target, Instant breachedAt) {
}

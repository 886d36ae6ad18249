package io.repdesk.sla;

import java.time.Instant;

/**
 * A target that passed unmet, to be recorded once. {@code clockStartedAt} tells the next-response
 * cycles of one case apart, so (case, target, clockStartedAt) identifies a breach.
 */
public record Breach(SlaTarget target, Instant breachedAt, Instant clockStartedAt) {
}

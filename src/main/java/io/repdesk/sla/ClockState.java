package io.repdesk.sla;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One service-level clock of a case at the instant it was evaluated.
 *
 * @param startedAt when the clock started: the case's creation, or the customer message that opened
 *     a next-response cycle
 * @param dueAt when the target is (or was) reached: the breach instant once breached, the projected
 *     instant while counting; null while not counting and not yet due
 * @param elapsed business time counted so far (up to the met instant once met)
 * @param remaining target minus elapsed; zero or negative once breached (zero when the breach happened
 *     and the calendar has been closed since)
 * @param breachedAt when the target passed unmet, if it did
 * @param metAt when the target was met, if it was
 */
public record ClockState(SlaTarget target, ClockStatus status, Instant startedAt, @Nullable Instant dueAt,
        Duration elapsed, Duration remaining, @Nullable Instant breachedAt, @Nullable Instant metAt) {

    public boolean breached() {
        return breachedAt != null;
    }
}

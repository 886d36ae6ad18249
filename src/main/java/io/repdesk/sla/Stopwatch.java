package io.repdesk.sla;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One clock while a timeline is replayed: adds up the business time between each start and stop and
 * notes the instant its target passed. The target passes at the due instant projected when the clock
 * last started; it is breached once the clock is still unmet at any later instant.
 */
final class Stopwatch {

    private final SlaTarget target;
    private final Instant startedAt;
    private final Duration allowed;
    private final BusinessCalendar calendar;
    private Duration elapsed = Duration.ZERO;
    private @Nullable Instant runningSince;
    private @Nullable Instant dueAt;
    private @Nullable Instant breachedAt;
    private @Nullable Instant metAt;

    Stopwatch(SlaTarget target, Instant startedAt, Duration allowed, BusinessCalendar calendar) {
        this.target = target;
        this.startedAt = startedAt;
        this.allowed = allowed;
        this.calendar = calendar;
    }

    boolean met() {
        return metAt != null;
    }

    void run(Instant at) {
        if (runningSince != null) {
            return;
        }
        runningSince = at;
        Duration left = allowed.minus(elapsed);
        dueAt = breachedAt != null ? breachedAt
                : calendar.addBusinessTime(at, left.isNegative() ? Duration.ZERO : left);
    }

    void halt(Instant at) {
        Instant since = runningSince;
        if (since == null) {
            return;
        }
        elapsed = elapsed.plus(calendar.businessTimeBetween(since, at));
        breachedAt = breachAt(at);
        runningSince = null;
        if (breachedAt == null) {
            dueAt = null;
        }
    }

    /** The target is met at this instant; the due instant it was counting towards stays on record. */
    void meet(Instant at) {
        Instant projected = dueAt;
        halt(at);
        metAt = at;
        if (breachedAt == null) {
            dueAt = projected;
        }
    }

    /** The met target is owed again (a resolved case reopened); the clock resumes where it stopped. */
    void reopen() {
        metAt = null;
        if (breachedAt == null) {
            dueAt = null;
        }
    }

    /** The clock as seen at {@code now}, which must not precede the last start or stop. */
    ClockState stateAt(Instant now, boolean caseDone, Duration warningLead) {
        Instant since = runningSince;
        boolean running = since != null;
        Duration total = running ? elapsed.plus(calendar.businessTimeBetween(since, now)) : elapsed;
        Instant breached = running ? breachAt(now) : breachedAt;
        Duration remaining = allowed.minus(total);
        Instant due = breached != null ? breached : dueAt;
        return new ClockState(target, status(running, caseDone, breached, remaining, warningLead), startedAt, due,
                total, remaining, breached, metAt);
    }

    private ClockStatus status(boolean running, boolean caseDone, @Nullable Instant breached, Duration remaining,
            Duration warningLead) {
        if (metAt != null) {
            return breached != null ? ClockStatus.MET_LATE : ClockStatus.MET;
        }
        if (caseDone) {
            return ClockStatus.STOPPED;
        }
        if (breached != null) {
            return ClockStatus.BREACHED;
        }
        if (!running) {
            return ClockStatus.PAUSED;
        }
        return warningLead.isPositive() && remaining.compareTo(warningLead) <= 0 ? ClockStatus.WARNING
                : ClockStatus.RUNNING;
    }

    private @Nullable Instant breachAt(Instant at) {
        if (breachedAt == null && dueAt != null && at.isAfter(dueAt)) {
            return dueAt;
        }
        return breachedAt;
    }
}

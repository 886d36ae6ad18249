package io.repdesk.sla;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.repdesk.shared.InvalidInput;

/**
 * The service levels promised to a group of customers: how much business time each target may take
 * on which calendar, the case states during which the clocks pause (typically waiting on the
 * customer), and how long before a breach a clock turns to {@link ClockStatus#WARNING}.
 *
 * @param targets business time allowed per target; a target left out is not tracked
 * @param pausedIn states in which no clock counts; resolved and closed stop the clocks anyway, so
 *     they may not be listed
 * @param warningLead business time before the due instant from which a counting clock warns; zero
 *     for no warning
 */
public record SlaPolicy(String name, BusinessCalendar calendar, Map<SlaTarget, Duration> targets,
        Set<CaseState> pausedIn, Duration warningLead) {

    public SlaPolicy {
        if (name.isBlank()) {
            throw new InvalidInput("name", "must not be blank");
        }
        if (targets.isEmpty()) {
            throw new InvalidInput("targets", "must name at least one target");
        }
        targets.forEach((target, allowed) -> {
            if (!allowed.isPositive()) {
                throw new InvalidInput("targets", target + " must allow a positive duration, not " + allowed);
            }
        });
        for (CaseState state : pausedIn) {
            if (state.isDone()) {
                throw new InvalidInput("pausedIn", state + " cannot pause the clocks: it stops them already");
            }
        }
        if (warningLead.isNegative()) {
            throw new InvalidInput("warningLead", "must not be negative, but was " + warningLead);
        }
        targets = Collections.unmodifiableMap(new EnumMap<>(targets));
        Set<CaseState> paused = EnumSet.noneOf(CaseState.class);
        paused.addAll(pausedIn);
        pausedIn = Collections.unmodifiableSet(paused);
    }

    /** The business time allowed for a target, if the policy tracks it. */
    public Optional<Duration> target(SlaTarget target) {
        return Optional.ofNullable(targets.get(target));
    }

    /** The same promises on another calendar, e.g. a customer's own region. */
    public SlaPolicy on(BusinessCalendar other) {
        return new SlaPolicy(name, other, targets, pausedIn, warningLead);
    }

    /** Whether the clocks count in this state. */
    boolean counts(CaseState state) {
        return !state.isDone() && !pausedIn.contains(state);
    }
}

package io.repdesk.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A case's service-level clocks as of one instant.
 *
 * @param clocks in target order, the current clock of each tracked target that has started; next response appears only
 *     once a customer has written after an agent's reply, and then shows the latest cycle
 * @param responseCycles every next-response cycle so far, oldest first; the last may still be counting
 */
public record SlaEvaluation(Instant at, Map<SlaTarget, ClockState> clocks, List<ClockState> responseCycles) {

    public SlaEvaluation {
        Map<SlaTarget, ClockState> ordered = new EnumMap<>(SlaTarget.class);
        ordered.putAll(clocks);
        clocks = Collections.unmodifiableMap(ordered);
        responseCycles = List.copyOf(responseCycles);
    }

    public Optional<ClockState> clock(SlaTarget target) {
        return Optional.ofNullable(clocks.get(target));
    }

    /** Every breach up to {@link #at()}, including those met late since, in the order they happened. */
    public List<Breach> breaches() {
        List<ClockState> all = new ArrayList<>(responseCycles);
        clock(SlaTarget.FIRST_RESPONSE).ifPresent(all::add);
        clock(SlaTarget.RESOLUTION).ifPresent(all::add);
        return all.stream().filter(ClockState::breached)
                .map(clock -> new Breach(clock.target(), clock.breachedAt(), clock.startedAt()))
                .sorted(Comparator.comparing(Breach::breachedAt).thenComparing(Breach::target)).toList();
    }
}

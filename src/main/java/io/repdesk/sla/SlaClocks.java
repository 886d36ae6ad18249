package io.repdesk.sla;

import java.time.Instant;
import java.util.List;

/**
 * Computes a case's service-level clocks from its timeline: a pure function of the policy (with its
 * calendar), the events and the instant asked about, so clocks can be recomputed at any time, for any
 * past instant, on any node, without stored counters to drift.
 *
 * <p>First response runs from creation to the first agent reply; next response from the first
 * customer message after an agent reply to the next agent reply, once per such cycle; resolution from
 * creation until the case is resolved or closed, resuming if it is reopened. Every clock counts only
 * business time, and only while the case is in a state the policy does not pause (resolved and closed
 * never count).
 */
public final class SlaClocks {

    private SlaClocks() {
    }

    /**
     * The clocks as of {@code now}; events after {@code now} are ignored, so a case created later has
     * no clocks yet.
     *
     * @param timeline the case's events in time order, starting with its creation
     * @throws io.repdesk.shared.InvalidInput when the timeline does not start with a single creation or
     *     is out of order
     */
    public static SlaEvaluation evaluate(SlaPolicy policy, List<CaseEvent> timeline, Instant now) {
        return Replay.evaluate(policy, timeline, now);
    }

    /** Every breach in the timeline up to {@code now}, in the order they happened, to be recorded. */
    public static List<Breach> breaches(SlaPolicy policy, List<CaseEvent> timeline, Instant now) {
        return evaluate(policy, timeline, now).breaches();
    }
}

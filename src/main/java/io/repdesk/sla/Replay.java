package io.repdesk.sla;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.sla.CaseEvent.AgentReply;
import io.repdesk.sla.CaseEvent.Created;
import io.repdesk.sla.CaseEvent.CustomerMessage;
import io.repdesk.sla.CaseEvent.StatusChanged;
import io.repdesk.shared.InvalidInput;

/**
 * Walks a case's timeline once, in order, starting, stopping and meeting the policy's clocks. After
 * every event each unmet clock counts exactly when the case's state counts under the policy.
 */
final class Replay {

    private final SlaPolicy policy;
    private CaseState state = CaseState.NEW;
    private boolean replied;
    private @Nullable Stopwatch firstResponse;
    private @Nullable Stopwatch resolution;
    private @Nullable Stopwatch nextResponse;
    private final List<Stopwatch> cycles = new ArrayList<>();

    private Replay(SlaPolicy policy) {
        this.policy = policy;
    }

    static SlaEvaluation evaluate(SlaPolicy policy, List<CaseEvent> timeline, Instant now) {
        check(timeline);
        Replay replay = new Replay(policy);
        for (CaseEvent event : timeline) {
            if (event.at().isAfter(now)) {
                break;
            }
            replay.apply(event);
        }
        return replay.stateAt(now);
    }

    private void apply(CaseEvent event) {
        switch (event) {
            case Created created -> {
                firstResponse = stopwatch(SlaTarget.FIRST_RESPONSE, created.at());
                resolution = stopwatch(SlaTarget.RESOLUTION, created.at());
            }
            case StatusChanged change -> changeState(change.to(), change.at());
            case CustomerMessage message -> customerWrote(message.at());
            case AgentReply reply -> agentReplied(reply.at());
        }
        for (Stopwatch clock : new Stopwatch[] {firstResponse, resolution, nextResponse}) {
            if (clock != null) {
                sync(clock, event.at());
            }
        }
    }

    /** An unmet clock counts exactly while the case's state counts under the policy. */
    private void sync(Stopwatch clock, Instant at) {
        if (!clock.met() && policy.counts(state)) {
            clock.run(at);
        } else {
            clock.halt(at);
        }
    }

    /** Only a message after an agent's reply makes the customer wait again; later ones join that wait. */
    private void customerWrote(Instant at) {
        if (replied && nextResponse == null) {
            nextResponse = stopwatch(SlaTarget.NEXT_RESPONSE, at);
            if (nextResponse != null) {
                cycles.add(nextResponse);
            }
        }
    }

    private void agentReplied(Instant at) {
        replied = true;
        meet(firstResponse, at);
        meet(nextResponse, at);
        nextResponse = null;
    }

    private void changeState(CaseState to, Instant at) {
        state = to;
        if (resolution != null && to.isDone() && !resolution.met()) {
            resolution.meet(at);
        } else if (resolution != null && !to.isDone() && resolution.met()) {
            resolution.reopen();
        }
    }

    private SlaEvaluation stateAt(Instant now) {
        Map<SlaTarget, ClockState> clocks = new EnumMap<>(SlaTarget.class);
        List<ClockState> responseCycles = new ArrayList<>();
        for (Stopwatch clock : new Stopwatch[] {firstResponse, resolution}) {
            if (clock != null) {
                ClockState current = clock.stateAt(now, state.isDone(), policy.warningLead());
                clocks.put(current.target(), current);
            }
        }
        for (Stopwatch cycle : cycles) {
            responseCycles.add(cycle.stateAt(now, state.isDone(), policy.warningLead()));
        }
        if (!responseCycles.isEmpty()) {
            clocks.put(SlaTarget.NEXT_RESPONSE, responseCycles.getLast());
        }
        return new SlaEvaluation(now, clocks, responseCycles);
    }

    private static void meet(@Nullable Stopwatch clock, Instant at) {
        if (clock != null && !clock.met()) {
            clock.meet(at);
        }
    }

    private @Nullable Stopwatch stopwatch(SlaTarget target, Instant startedAt) {
        return policy.target(target).map(allowed -> new Stopwatch(target, startedAt, allowed, policy.calendar()))
                .orElse(null);
    }

    private static void check(List<CaseEvent> timeline) {
        if (timeline.isEmpty() || !(timeline.getFirst() instanceof Created)) {
            throw new InvalidInput("timeline", "must start with the case's creation");
        }
        for (int i = 1; i < timeline.size(); i++) {
            CaseEvent event = timeline.get(i);
            if (event instanceof Created) {
                throw new InvalidInput("timeline", "has a second creation at " + event.at());
            }
            if (event.at().isBefore(timeline.get(i - 1).at())) {
                throw new InvalidInput("timeline",
                        "is not in time order: " + event + " follows " + timeline.get(i - 1));
            }
        }
    }
}

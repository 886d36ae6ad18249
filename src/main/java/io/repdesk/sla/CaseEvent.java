package io.repdesk.sla;

import java.time.Instant;

/** Something in a case's life that starts, pauses, resumes or meets a service-level clock. */
public sealed interface CaseEvent permits CaseEvent.Created, CaseEvent.StatusChanged, CaseEvent.CustomerMessage,
        CaseEvent.AgentReply {

    Instant at();

    /** The case was opened, in state {@link CaseState#NEW}; the first event of every timeline. */
    record Created(Instant at) implements CaseEvent {
    }

    /** The case moved to another state. */
    record StatusChanged(Instant at, CaseState to) implements CaseEvent {
    }

    /** The customer wrote in (an inbound contact on the case). */
    record CustomerMessage(Instant at) implements CaseEvent {
    }

    /** An agent replied publicly to the customer; internal notes are not replies. */
    record AgentReply(Instant at) implements CaseEvent {
    }

    static CaseEvent created(Instant at) {
        return new Created(at);
    }

    static CaseEvent statusChanged(Instant at, CaseState to) {
        return new StatusChanged(at, to);
    }

    static CaseEvent customerMessage(Instant at) {
        return new CustomerMessage(at);
    }

    static CaseEvent agentReply(Instant at) {
        return new AgentReply(at);
    }
}

package io.repdesk.casework;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.shared.TeamId;
import io.repdesk.sla.ClockState;
import io.repdesk.sla.SlaEvaluation;
import io.repdesk.sla.SlaTarget;

/**
 * What became of one SLA target of one case under one policy, as the SLA pass last saw it, with what the
 * report groups it by: the day the case was opened (UTC) and the team holding it.
 */
record SlaOutcome(CaseId caseId, SlaPolicyId policyId, SlaTarget target, LocalDate openedOn,
        @Nullable TeamId teamId, Kind kind) {

    /** Stored by ordinal: do not reorder. */
    enum Kind {
        MET, MISSED, PENDING
    }

    /** The key the outcome is stored under. */
    record Key(CaseId caseId, SlaPolicyId policyId, SlaTarget target) {
    }

    Key key() {
        return new Key(caseId, policyId, target);
    }

    /**
     * What became of a target's clock: met when it ended on time; missed when it ended late, is breached, or a
     * breach of it is recorded (so a later, looser policy does not erase a recorded breach); pending while it
     * counts or is paused; null when the clock stopped without being owed (resolved without needing a reply).
     */
    static @Nullable Kind of(SlaEvaluation evaluation, SlaTarget target, boolean breachRecorded) {
        if (breachRecorded) {
            return Kind.MISSED;
        }
        ClockState clock = evaluation.clock(target).orElse(null);
        if (clock == null) {
            return Kind.PENDING;
        }
        return switch (clock.status()) {
            case MET -> Kind.MET;
            case MET_LATE, BREACHED -> Kind.MISSED;
            case RUNNING, WARNING, PAUSED -> Kind.PENDING;
            case STOPPED -> null;
        };
    }
}

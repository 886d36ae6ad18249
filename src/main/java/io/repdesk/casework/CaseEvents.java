package io.repdesk.casework;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;

/** Events casework publishes after its changes commit. */
public final class CaseEvents {

    private CaseEvents() {
    }

    /** A case was opened. */
    public record CaseOpened(CaseId caseId) {
    }

    /** A case was linked to a need (by an agent or by repdesk). */
    public record CaseLinkedToNeed(CaseId caseId, NeedId needId, String linkedBy) {
    }

    /** A case changed status. */
    public record CaseStatusChanged(CaseId caseId, CaseStatus from, CaseStatus to) {
    }

    /** A case moved up the tiers, by a person or by a rule. */
    public record CaseEscalated(CaseId caseId, Tier from, Tier to, String reason) {
    }
}

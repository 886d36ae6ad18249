package io.repdesk.insight;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One unit of support work as the rollups count it: a contact, or a case event priced by the handling cost.
 *
 * @param contactId the contact, for work that is one
 * @param stage the lifecycle stage of the case's need when the work was counted ({@code TRIAGE} without a need)
 */
record Work(long sequence, UUID caseId, LocalDate day, String channel, String stage, UUID organizationId,
        String product, String version, String team, int contacts, int inbound, int repeats, int minutes,
        @Nullable UUID contactId) {

    /** Stands for "none" in rollup keys: no need yet, no organization. */
    static final UUID NONE = new UUID(0, 0);

    /** The stage of work on a case that is not linked to a need. */
    static final String TRIAGE = "TRIAGE";

    Work inStage(String newStage) {
        return new Work(sequence, caseId, day, channel, newStage, organizationId, product, version, team, contacts, inbound,
                repeats, minutes, contactId);
    }
}

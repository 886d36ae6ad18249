package io.repdesk.intake;

import io.repdesk.shared.CaseId;

/**
 * Published when an agent asks the customer for the missing intake answers; the hook for the channels
 * that will send the text (until then the agent copies it into a reply).
 */
public record IntakeAnswersRequested(CaseId caseId, String text) {
}

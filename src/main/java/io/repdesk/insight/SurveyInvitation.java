package io.repdesk.insight;

import java.time.Instant;

import io.repdesk.shared.CaseId;

/**
 * A satisfaction survey to mail to a customer, published in the transaction that records it.
 *
 * @param link the survey page, with the token that opens it
 */
public record SurveyInvitation(CaseId caseId, String reference, String subject, String name, String email, String link,
        Instant expiresAt) {

    @Override
    public String toString() {
        return "SurveyInvitation[caseId=" + caseId + ", reference=" + reference + ", expiresAt=" + expiresAt + "]";
    }
}

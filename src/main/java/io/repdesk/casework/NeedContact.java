package io.repdesk.casework;

import java.time.Instant;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

/** A customer's message on a case of a need: who wrote, when, on which case. */
public record NeedContact(CaseId caseId, CustomerId customerId, Instant at) {
}

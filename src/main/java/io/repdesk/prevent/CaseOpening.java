package io.repdesk.prevent;

import java.time.Instant;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

/** A case of a need as the signals hold it: whose it is and when it opened. */
record CaseOpening(CaseId id, CustomerId customerId, Instant openedAt) {
}

package io.repdesk.contact;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;

/** Published after a new contact is stored (not for repeated deliveries). */
public record ContactRecorded(ContactId contactId, CaseId caseId, CustomerId customerId, Channel channel,
        Direction direction) {
}

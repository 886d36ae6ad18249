package io.repdesk.contact;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;

/**
 * Published after a new contact is stored (not for repeated deliveries).
 *
 * @param deliver whether repdesk is to carry this outbound contact to the customer (an agent's reply), rather
 *        than record one that already happened elsewhere (history, a phone call, a mail sent from another tool)
 */
public record ContactRecorded(ContactId contactId, CaseId caseId, CustomerId customerId, Channel channel,
        Direction direction, boolean deliver) {
}

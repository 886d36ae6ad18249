package io.repdesk.channel;

import java.time.Clock;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewContact;
import io.repdesk.intake.IntakeAnswersRequested;

/**
 * Sends the request for missing intake answers to the customer as a reply on the case, in the transaction that
 * made the request: it lands on the thread, and email and portal customers get it by mail.
 */
@Component
class AnswersRequestDelivery {

    private final ContactManagement contacts;
    private final CaseManagement cases;
    private final Clock clock;

    AnswersRequestDelivery(ContactManagement contacts, CaseManagement cases, Clock clock) {
        this.contacts = contacts;
        this.cases = cases;
        this.clock = clock;
    }

    @EventListener
    void on(IntakeAnswersRequested requested) {
        SupportCase supportCase = cases.get(requested.caseId());
        Channel channel = supportCase.channel() == null ? Channel.EMAIL : Channel.valueOf(supportCase.channel());
        contacts.reply(new NewContact(supportCase.customerId(), supportCase.id(), channel, Direction.OUTBOUND,
                clock.instant(), "A few details we need: " + supportCase.subject(), requested.text(), null,
                "intake-request-" + UUID.randomUUID(), null, null), Enclosures.none());
    }
}

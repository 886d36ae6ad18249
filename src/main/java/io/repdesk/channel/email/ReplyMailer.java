package io.repdesk.channel.email;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.OutboundMail;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.ContactRecorded;
import io.repdesk.contact.Direction;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;

/**
 * Queues an agent's reply as mail to the customer. It listens inside the transaction that records the reply,
 * so the reply and its mail are stored together or not at all: no reply is lost to a crash between them.
 */
@Component
class ReplyMailer {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailer.class);
    /** References beyond this many are dropped from the middle of long threads, as mail clients do. */
    private static final int MOST_REFERENCES = 20;

    private final Outbox outbox;
    private final EmailMessages messages;
    private final ContactManagement contacts;
    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final OutboundEmailSettings settings;
    private final Clock clock;

    ReplyMailer(Outbox outbox, EmailMessages messages, ContactManagement contacts, CustomerManagement customers,
            CaseManagement cases, OutboundEmailSettings settings, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.contacts = contacts;
        this.customers = customers;
        this.cases = cases;
        this.settings = settings;
        this.clock = clock;
    }

    @EventListener
    void on(ContactRecorded recorded) {
        if (!recorded.deliver() || recorded.direction() != Direction.OUTBOUND || !settings.enabled()
                || !(recorded.channel() == Channel.EMAIL || recorded.channel() == Channel.PORTAL)) {
            return;
        }
        Customer customer = customers.get(recorded.customerId());
        if (customer.email() == null || customer.email().isBlank()) {
            log.info("Reply {} is not mailed: customer {} has no address", recorded.contactId(), customer.id());
            return;
        }
        Contact reply = contacts.get(recorded.contactId());
        SupportCase supportCase = cases.get(recorded.caseId());
        List<String> thread = messages.thread(supportCase.id());
        String messageId = MailText.newMessageId(settings.messageIdDomain());
        Instant now = clock.instant();
        OutboundMail mail = new OutboundMail(UUID.randomUUID(), messageId, OutboundMail.Kind.REPLY,
                supportCase.id(), reply.id(), customer.email(), subject(reply, supportCase), reply.body(),
                MailText.html(reply.body()), last(thread), references(thread), false, OutboundMail.Status.PENDING, 0,
                now, null, now, null);
        if (outbox.enqueue(mail)) {
            messages.remember(messageId, supportCase.id(), reply.id(), Direction.OUTBOUND);
        }
    }

    /** The subject carries the case reference, so a reply from any mail client finds its case. */
    static String subject(Contact reply, SupportCase supportCase) {
        String subject = reply.subject().isBlank() ? "Re: " + supportCase.subject() : reply.subject().strip();
        String token = "[" + supportCase.reference() + "]";
        return subject.contains(token) ? subject : subject + " " + token;
    }

    private static @Nullable String last(List<String> thread) {
        return thread.isEmpty() ? null : thread.getLast();
    }

    private static List<String> references(List<String> thread) {
        if (thread.size() <= MOST_REFERENCES) {
            return thread;
        }
        // Keep the first message (the thread's root) and the most recent ones.
        List<String> kept = new ArrayList<>();
        kept.add(thread.getFirst());
        kept.addAll(thread.subList(thread.size() - MOST_REFERENCES + 1, thread.size()));
        return kept;
    }
}

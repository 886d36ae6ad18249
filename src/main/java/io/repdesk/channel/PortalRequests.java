package io.repdesk.channel;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewAttachment;
import io.repdesk.contact.NewContact;
import io.repdesk.contact.Recorded;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;

/**
 * Records what customers send through the portal as contacts on the {@link Channel#PORTAL} channel: a new
 * request opens a case and stores its intake answers on it in the same transaction, so a refused answer
 * leaves no half-filed request behind.
 */
@Service
public class PortalRequests {

    static final int MAX_SUBJECT = 200;
    static final int MAX_TEXT = 20_000;

    private final ContactManagement contacts;
    private final CaseManagement cases;
    private final IntakeManagement intake;
    private final Clock clock;

    PortalRequests(ContactManagement contacts, CaseManagement cases, IntakeManagement intake, Clock clock) {
        this.contacts = contacts;
        this.cases = cases;
        this.intake = intake;
        this.clock = clock;
    }

    /**
     * Files the request. A second submission of the same form returns the first one's contact.
     *
     * @throws InvalidInput naming the field ({@code subject}, {@code description}, {@code answers.<key>})
     */
    @Transactional
    public Recorded file(PortalRequest request) {
        String subject = text(request.subject(), "subject", MAX_SUBJECT);
        String description = text(request.description(), "description", MAX_TEXT);
        Recorded recorded = contacts.record(new NewContact(request.customerId(), null, Channel.PORTAL,
                Direction.INBOUND, clock.instant(), subject, description, request.author(),
                key(request.customerId(), request.formToken()), null, null), Enclosures.of(request.attachments()));
        if (!recorded.duplicate() && request.flowId() != null) {
            intake.update(recorded.contact().caseId(), request.flowId(), Map.copyOf(request.answers()));
        }
        return recorded;
    }

    /**
     * Records a customer's reply on a case; the contact module decides whether it reopens the case or, on a
     * closed one, opens a new case. Recorded for the case's customer, signed by the one who wrote it, who
     * may be a colleague in the same organization.
     *
     * @throws InvalidInput naming {@code body}
     */
    @Transactional
    public Recorded reply(CaseId caseId, String author, String body, List<NewAttachment> attachments,
            String formToken) {
        String text = text(body, "body", MAX_TEXT);
        SupportCase supportCase = cases.get(caseId);
        return contacts.record(new NewContact(supportCase.customerId(), caseId, Channel.PORTAL, Direction.INBOUND,
                clock.instant(), "Re: " + supportCase.subject(), text, author,
                key(supportCase.customerId(), formToken), null, null), Enclosures.of(attachments));
    }

    private static String key(CustomerId customer, String formToken) {
        if (!formToken.matches("[A-Za-z0-9-]{8,64}")) {
            throw new InvalidInput("token", "is not the token of a portal form; reload the page and send it again");
        }
        return "portal:" + customer + ":" + formToken;
    }

    private static String text(@Nullable String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters, not " + text.length());
        }
        return text;
    }
}

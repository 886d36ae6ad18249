package io.repdesk.contact;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NewCase;
import io.repdesk.casework.Priority;
import io.repdesk.casework.SupportCase;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/**
 * Records contacts onto the customer timeline, opening a case when the contact starts a new thread.
 * Recording is idempotent per key, so channels may redeliver freely after a crash or timeout.
 */
@Service
@Transactional(readOnly = true)
public class ContactManagement {

    private final Contacts contacts;
    private final ContactEnclosures enclosures;
    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final Journal journal;
    private final ApplicationEventPublisher events;

    ContactManagement(Contacts contacts, ContactEnclosures enclosures, CaseManagement cases, CustomerManagement customers, Journal journal,
            ApplicationEventPublisher events) {
        this.contacts = contacts;
        this.enclosures = enclosures;
        this.cases = cases;
        this.customers = customers;
        this.journal = journal;
        this.events = events;
    }

    @Transactional
    public Recorded record(NewContact request) {
        return record(request, Enclosures.none());
    }

    /**
     * Records a contact with its HTML body and files in one transaction. A repeated delivery stores nothing
     * new, so the files of a redelivered message are not attached twice.
     */
    @Transactional
    public Recorded record(NewContact request, Enclosures carried) {
        return record(request, carried, false);
    }

    /**
     * Records an agent's reply and has it delivered to the customer on its channel (email for email and
     * portal cases). A repeated delivery of the same key neither records nor sends anything again.
     */
    @Transactional
    public Recorded reply(NewContact request, Enclosures carried) {
        if (request.direction() != Direction.OUTBOUND) {
            throw new InvalidInput("direction", "a reply goes out to the customer: OUTBOUND");
        }
        return record(request, carried, true);
    }

    private Recorded record(NewContact request, Enclosures carried, boolean deliver) {
        String key = request.idempotencyKey() != null ? request.idempotencyKey() : derivedKey(request);
        contacts.lockKey(key);
        var existing = contacts.findByKey(key);
        if (existing.isPresent()) {
            return new Recorded(existing.get(), true);
        }
        SupportCase supportCase = caseFor(request);
        CaseId caseId = supportCase.id();
        Contact contact = new Contact(ContactId.random(), request.customerId(), caseId, request.channel(),
                request.direction(), request.occurredAt(), request.subject(), request.body(), author(request), key,
                Instant.now());
        contacts.insert(contact);
        enclosures.insert(contact.id(), carried);
        cases.contactRecorded(caseId, contact.id(), contact.occurredAt(), contact.direction() == Direction.INBOUND,
                contact.text(), contact.channel().name());
        journal.append("contact", contact.id().value(), "ContactRecorded", describe(contact, supportCase));
        events.publishEvent(new ContactRecorded(contact.id(), caseId, contact.customerId(), contact.channel(),
                contact.direction(), deliver));
        return new Recorded(contact, false);
    }

    public Contact get(ContactId id) {
        return contacts.find(id).orElseThrow(() -> new NotFound("contact", id));
    }

    /** The files attached to a contact, in order; the original message, when kept, comes last. */
    public List<Attachment> attachments(ContactId id) {
        return enclosures.attachments(id);
    }

    /** The files attached to the contacts of one case (and of the cases merged into it). */
    public List<Attachment> attachmentsOfCase(CaseId id) {
        return enclosures.attachmentsOfCases(cases.withMerged(id));
    }

    /** The contact's HTML body as it arrived, unsanitized; show it only through a sanitizer. */
    public Optional<String> html(ContactId id) {
        return enclosures.html(id);
    }

    /** The contacts of one case, oldest first. */
    public List<Contact> forCase(CaseId id) {
        return contacts.forCases(cases.withMerged(id));
    }

    /**
     * Inbound contacts on these cases per ISO week (weeks starting Monday, UTC) from the moment on; empty weeks
     * left out.
     */
    public List<io.repdesk.casework.WeeklyCount> inboundPerWeek(List<CaseId> cases, Instant since) {
        return contacts.inboundPerWeek(cases, since);
    }

    /** Contacts matching the filter, newest first. */
    public Page<Contact> list(ContactFilter filter, PageRequest page) {
        return contacts.page(filter, page);
    }

    /** The customer's timeline across every channel and case, newest first. */
    public Page<Contact> timeline(CustomerId id, PageRequest page) {
        return contacts.forCustomer(id, page);
    }

    private String author(NewContact request) {
        if (request.author() != null && !request.author().isBlank()) {
            return request.author();
        }
        return request.direction() == Direction.INBOUND ? customers.get(request.customerId()).email()
                : Journal.currentActor();
    }

    private SupportCase caseFor(NewContact request) {
        if (request.caseId() == null) {
            Priority priority = request.priority() == null ? Priority.NORMAL : request.priority();
            return cases.open(new NewCase(request.customerId(), request.subject(), priority, request.needId()),
                    request.occurredAt());
        }
        SupportCase existing = cases.get(request.caseId());
        while (existing.mergedInto() != null) {
            // The case was merged into another: the conversation goes on there.
            existing = cases.get(existing.mergedInto());
        }
        if (!existing.customerId().equals(request.customerId())) {
            throw new InvalidInput("caseId", "belongs to a different customer than customerId");
        }
        if (request.direction() == Direction.INBOUND && !cases.takesFollowUp(existing, request.occurredAt())) {
            // A reply to a closed case, or long after it was resolved, is a new case.
            Priority priority = request.priority() == null ? existing.priority() : request.priority();
            return cases.open(new NewCase(request.customerId(), request.subject(), priority, request.needId()),
                    request.occurredAt());
        }
        if (request.needId() != null) {
            return cases.linkToNeed(existing.id(), request.needId());
        }
        return existing;
    }

    /** The facts of a new contact, complete enough for projections (search, analytics) to need nothing else. */
    private static Map<String, Object> describe(Contact contact, SupportCase supportCase) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("caseId", contact.caseId().toString());
        facts.put("needId", supportCase.needId() == null ? null : supportCase.needId().toString());
        facts.put("needConfirmed", supportCase.needId() != null && supportCase.needConfirmed());
        facts.put("customerId", contact.customerId().toString());
        facts.put("channel", contact.channel());
        facts.put("direction", contact.direction());
        facts.put("occurredAt", contact.occurredAt().toString());
        facts.put("subject", contact.subject());
        facts.put("body", contact.body());
        facts.put("text", contact.text());
        return facts;
    }

    /** A key for senders that give none: the same content at the same moment is the same contact. */
    static String derivedKey(NewContact request) {
        String content = String.join("\u0000", request.customerId().toString(),
                request.caseId() == null ? "" : request.caseId().toString(), request.channel().name(),
                request.direction().name(), request.occurredAt().toString(), request.subject(), request.body());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

package io.repdesk.channel.email;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.IgnoredEmail;
import io.repdesk.channel.RefusedFile;
import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.AttachmentTooLarge;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewAttachment;
import io.repdesk.contact.NewContact;
import io.repdesk.contact.Recorded;
import io.repdesk.contact.StoredFile;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NotFound;

/**
 * Turns one received email into one contact, or sets it aside (bounce, auto-reply, unreadable). Files go to the
 * attachment store first; the contact, its Message-ID and its refused files are then committed together, so a
 * message that is redelivered after a crash finds its contact already there and records nothing twice.
 */
@Service
class EmailIngestion {

    private static final Pattern CASE_TOKEN = Pattern.compile("\\[(RD-\\d{1,12})]", Pattern.CASE_INSENSITIVE);

    private final ContactManagement contacts;
    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final AttachmentStore store;
    private final EmailMessages messages;
    private final IgnoredEmails ignored;
    private final RefusedFiles refused;
    private final TransactionTemplate transaction;
    private final Clock clock;

    EmailIngestion(ContactManagement contacts, CustomerManagement customers, CaseManagement cases,
            AttachmentStore store, EmailMessages messages, IgnoredEmails ignored, RefusedFiles refused,
            TransactionTemplate transaction, Clock clock) {
        this.contacts = contacts;
        this.customers = customers;
        this.cases = cases;
        this.store = store;
        this.messages = messages;
        this.ignored = ignored;
        this.refused = refused;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** What became of a message. */
    sealed interface Outcome permits Contacted, SetAside {
    }

    /** Recorded as a contact (or found recorded already, for a repeated delivery). */
    record Contacted(Recorded recorded) implements Outcome {
    }

    /** Kept in the ignored list instead of becoming a contact. */
    record SetAside(IgnoredEmail.Reason reason, String detail) implements Outcome {
    }

    /**
     * Ingests a message; returns once everything is committed.
     *
     * @param receivedAt when the mail server received it; the moment the contact occurred
     */
    Outcome ingest(String mailbox, byte[] raw, @Nullable Instant receivedAt) {
        String rawKey = "email-sha256:" + sha256(raw);
        Instant at = receivedAt != null ? receivedAt : clock.instant();
        ParsedEmail email;
        try {
            email = EmailParser.parse(raw);
        } catch (RuntimeException e) {
            return setAside(mailbox, rawKey, IgnoredEmail.Reason.UNREADABLE, concise(e), null, raw, at);
        }
        String key = email.messageId() != null ? "email:" + email.messageId() : rawKey;
        if (email.automated().byMachine()) {
            IgnoredEmail.Reason reason = email.automated().kind() == Automated.Kind.BOUNCE ? IgnoredEmail.Reason.BOUNCE
                    : IgnoredEmail.Reason.AUTO_REPLY;
            return setAside(mailbox, key, reason, email.automated().detail(), email, raw, at);
        }
        if (email.fromAddress() == null) {
            return setAside(mailbox, key, IgnoredEmail.Reason.NO_SENDER, "no From, Sender or Reply-To address", email,
                    raw, at);
        }
        Files files = files(email, raw);
        return transaction.execute(status -> record(email, key, files, at));
    }

    /** Sets aside a message that failed to be recorded again and again, so that it cannot stop its mailbox. */
    Outcome setAsideUnrecordable(String mailbox, byte[] raw, String detail, Instant at) {
        ParsedEmail email = null;
        try {
            email = EmailParser.parse(raw);
        } catch (RuntimeException e) {
            // Unreadable as well: kept under the hash of its bytes.
        }
        String key = email != null && email.messageId() != null ? "email:" + email.messageId()
                : "email-sha256:" + sha256(raw);
        return setAside(mailbox, key, IgnoredEmail.Reason.UNREADABLE, "could not be recorded: " + detail, email, raw,
                at);
    }

    private Contacted record(ParsedEmail email, String key, Files files, Instant at) {
        Customer customer = customer(email);
        NewContact contact = new NewContact(customer.id(), thread(email, customer.id()), Channel.EMAIL,
                Direction.INBOUND, at, email.subject(), QuoteStripper.strip(email.text(), email.forwarded()),
                author(email), key, null, null);
        Recorded recorded = contacts.record(contact, new Enclosures(email.html(), files.kept(), files.original()));
        if (!recorded.duplicate()) {
            for (Refused r : files.refused()) {
                refused.insert(new RefusedFile(recorded.contact().id(), r.position(), r.filename(), r.mediaType(),
                        r.size(), r.reason()));
            }
        }
        if (email.messageId() != null) {
            messages.remember(email.messageId(), recorded.contact().caseId(), recorded.contact().id(),
                    Direction.INBOUND);
        }
        return new Contacted(recorded);
    }

    private Customer customer(ParsedEmail email) {
        String address = email.fromAddress();
        Optional<Customer> known = customers.byEmail(address);
        if (known.isPresent()) {
            return known.get();
        }
        String name = email.fromName() != null ? email.fromName() : address.substring(0, address.indexOf('@'));
        return customers.register(new NewCustomer(null, name, address, EnvironmentProfile.unknown(), null));
    }

    /** The case a reply belongs to: by its headers, else by a reference in the subject; null opens a new one. */
    private @Nullable CaseId thread(ParsedEmail email, CustomerId customer) {
        Optional<CaseId> found = messages.caseOf(email.threadIds());
        if (found.isEmpty()) {
            Matcher m = CASE_TOKEN.matcher(email.subject());
            while (m.find() && found.isEmpty()) {
                found = byReference(m.group(1));
            }
        }
        return found.map(this::current).filter(c -> c.customerId().equals(customer)).map(SupportCase::id)
                .orElse(null);
    }

    private Optional<CaseId> byReference(String reference) {
        try {
            return Optional.of(cases.byReference(reference.toUpperCase(java.util.Locale.ROOT)).id());
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /** The case that a merged one's conversation went on in. */
    private SupportCase current(CaseId id) {
        SupportCase c = cases.get(id);
        while (c.mergedInto() != null) {
            c = cases.get(c.mergedInto());
        }
        return c;
    }

    private static String author(ParsedEmail email) {
        return email.fromName() == null ? email.fromAddress() : email.fromName() + " <" + email.fromAddress() + ">";
    }

    /** A file refused by the store, listed with its contact. */
    record Refused(int position, String filename, String mediaType, long size, String reason) {
    }

    /** The files stored for a message, and those refused. */
    record Files(List<NewAttachment> kept, @Nullable NewAttachment original, List<Refused> refused) {
    }

    private Files files(ParsedEmail email, byte[] raw) {
        List<NewAttachment> kept = new ArrayList<>();
        List<Refused> refusedFiles = new ArrayList<>();
        int position = 0;
        for (EmailPart part : email.parts()) {
            try (InputStream in = part.content().open()) {
                StoredFile file = store.store(part.filename(), in);
                kept.add(new NewAttachment(part.filename(), part.mediaType(), file, part.contentId(), part.inline()));
            } catch (AttachmentTooLarge e) {
                refusedFiles.add(new Refused(position, part.filename(), part.mediaType(), size(part),
                        "larger than the limit of " + mebibytes(store.maxBytes()) + "; not kept"));
            } catch (IOException | RuntimeException e) {
                refusedFiles.add(new Refused(position, part.filename(), part.mediaType(), 0,
                        "could not be read from the message (" + concise(e) + ")"));
            }
            position++;
        }
        NewAttachment original = null;
        try {
            original = new NewAttachment("message.eml", "message/rfc822", store.store("message.eml", raw), null, false);
        } catch (AttachmentTooLarge e) {
            refusedFiles.add(new Refused(position, "message.eml", "message/rfc822", raw.length,
                    "the original message is larger than the limit of " + mebibytes(store.maxBytes())
                            + "; it stays in the mailbox"));
        }
        return new Files(kept, original, refusedFiles);
    }

    private Outcome setAside(String mailbox, String key, IgnoredEmail.Reason reason, String detail,
            @Nullable ParsedEmail email, byte[] raw, Instant at) {
        StoredFile original = null;
        try {
            original = store.store("message.eml", raw);
        } catch (AttachmentTooLarge e) {
            detail = detail + "; the original is larger than " + mebibytes(store.maxBytes()) + " and stays in the mailbox";
        }
        CaseId caseId = email == null ? null : messages.caseOf(email.automated().mentions()).orElse(null);
        ignored.insert(key, new IgnoredEmail(UUID.randomUUID(), at, mailbox, reason, detail,
                email == null ? null : email.fromAddress(), email == null ? null : email.subject(),
                email == null ? null : email.messageId(), caseId, original == null ? null : original.sha256(),
                original == null ? null : original.size()));
        return new SetAside(reason, detail);
    }

    private static long size(EmailPart part) {
        try (InputStream in = part.content().open()) {
            return in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static String mebibytes(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MiB" : bytes + " bytes";
    }

    private static String concise(Exception e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}

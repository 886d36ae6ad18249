package io.repdesk.insight;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.journal.Journal;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.InvalidInput;

/** Marks contacts as feedback or a suggestion; the mark is journaled and reaches the listening post's read model. */
@Service
public class ListeningPost {

    /** What a contact can be marked as. */
    public static final Set<String> KINDS = Set.of("FEEDBACK", "SUGGESTION");

    private final Journal journal;
    private final ContactManagement contacts;
    private final RollupProjector projector;

    ListeningPost(Journal journal, ContactManagement contacts, RollupProjector projector) {
        this.journal = journal;
        this.contacts = contacts;
        this.projector = projector;
    }

    /**
     * Marks the contact.
     *
     * @throws InvalidInput naming {@code kind} when it is not FEEDBACK or SUGGESTION
     */
    @Transactional
    public void mark(ContactId id, @Nullable String kind) {
        String chosen = kind == null ? "" : kind.strip();
        if (!KINDS.contains(chosen)) {
            throw new InvalidInput("kind", "must be FEEDBACK or SUGGESTION");
        }
        Contact contact = contacts.get(id);
        String text = (contact.subject() + " — " + contact.body()).strip();
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("kind", chosen);
        facts.put("excerpt", text.length() > 300 ? text.substring(0, 300) : text);
        journal.append("contact", id.value(), "ContactMarked", facts);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                projector.catchUp();
            }
        });
    }
}

package io.repdesk.web.workspace;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactFilter;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit view of a case, a need or a customer, read from the journal: who changed what, when, and each
 * value before and after. A case's history includes its contacts and the cases merged into it; a customer's
 * includes their cases, contacts and portal account.
 */
@Component
public class AuditTrail {

    /** At most this many related things are gathered for one history (a customer's contacts, say). */
    static final int RELATED_LIMIT = 2_000;

    private final Journal journal;
    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final JsonMapper json;

    AuditTrail(Journal journal, CaseManagement cases, ContactManagement contacts, JsonMapper json) {
        this.journal = journal;
        this.cases = cases;
        this.contacts = contacts;
        this.json = json;
    }

    /** One change as people read it. */
    public record Entry(long sequence, Instant at, String actor, String type, String stream, UUID streamId,
            List<Change> changes, List<Fact> facts) {
    }

    /** A value that changed: what it was and what it became (empty where it had none). */
    public record Change(String field, String before, String after) {
    }

    /** A fact of the change that is not a before/after pair. */
    public record Fact(String name, String value) {
    }

    public Page<Entry> ofCase(SupportCase supportCase, PageRequest page) {
        List<CaseId> merged = cases.withMerged(supportCase.id());
        Map<String, Set<UUID>> streams = new LinkedHashMap<>();
        streams.put("case", ids(merged.stream().map(CaseId::value).toList()));
        streams.put("contact", ids(contacts.forCase(supportCase.id()).stream().map(c -> c.id().value()).toList()));
        return journal.history(streams, page).map(this::entry);
    }

    public Page<Entry> ofNeed(ServiceNeed need, PageRequest page) {
        return journal.history(Map.of("need", Set.of(need.id().value())), page).map(this::entry);
    }

    public Page<Entry> ofCustomer(Customer customer, PageRequest page) {
        Set<UUID> caseIds = new LinkedHashSet<>();
        for (int p = 0; caseIds.size() < RELATED_LIMIT; p++) {
            Page<SupportCase> found = cases.list(CaseFilter.forCustomer(customer.id()),
                    new PageRequest(p, PageRequest.MAX_SIZE));
            found.items().forEach(c -> caseIds.add(c.id().value()));
            if (!found.hasNext()) {
                break;
            }
        }
        Set<UUID> contactIds = new LinkedHashSet<>();
        for (int p = 0; contactIds.size() < RELATED_LIMIT; p++) {
            Page<Contact> found = contacts.list(new ContactFilter(customer.id(), null, null, null, null, null),
                    new PageRequest(p, PageRequest.MAX_SIZE));
            found.items().forEach(c -> contactIds.add(c.id().value()));
            if (!found.hasNext()) {
                break;
            }
        }
        Map<String, Set<UUID>> streams = new LinkedHashMap<>();
        streams.put("customer", Set.of(customer.id().value()));
        streams.put("portal_account", Set.of(customer.id().value()));
        streams.put("case", caseIds);
        streams.put("contact", contactIds);
        return journal.history(streams, page).map(this::entry);
    }

    private static Set<UUID> ids(List<UUID> ids) {
        return new LinkedHashSet<>(ids);
    }

    /** Reads the before/after pairs out of a payload: the conventions the modules journal changes with. */
    Entry entry(JournalEntry e) {
        JsonNode payload = json.readTree(e.payload());
        Map<String, JsonNode> rest = new LinkedHashMap<>();
        payload.properties().forEach(p -> rest.put(p.getKey(), p.getValue()));
        List<Change> changes = new ArrayList<>();
        JsonNode before = rest.remove("before");
        if (before != null && before.isObject()) {
            JsonNode after = rest.remove("after");
            before.properties().forEach(p -> {
                JsonNode now = after != null && after.isObject() ? after.get(p.getKey()) : rest.remove(p.getKey());
                changes.add(new Change(p.getKey(), text(p.getValue()), text(now)));
            });
        }
        if (rest.containsKey("from") && rest.containsKey("to")) {
            changes.add(new Change(field(e.type(), e.stream()), text(rest.remove("from")), text(rest.remove("to"))));
        }
        if (rest.containsKey("fromTier") && rest.containsKey("toTier")) {
            changes.add(new Change("tier", text(rest.remove("fromTier")), text(rest.remove("toTier"))));
        }
        if (rest.containsKey("previous") && rest.containsKey("assignee")) {
            changes.add(new Change("assignee", text(rest.remove("previous")), text(rest.remove("assignee"))));
        }
        for (String key : List.copyOf(rest.keySet())) {
            if (key.startsWith("previous") && key.length() > "previous".length()) {
                String field = Character.toLowerCase(key.charAt(8)) + key.substring(9);
                if (rest.containsKey(field)) {
                    changes.add(new Change(field, text(rest.remove(key)), text(rest.remove(field))));
                }
            }
        }
        List<Fact> facts = new ArrayList<>();
        rest.forEach((name, value) -> facts.add(new Fact(name, text(value))));
        return new Entry(e.sequence(), e.occurredAt(), e.actor(), e.type(), e.stream(), e.streamId(),
                List.copyOf(changes), List.copyOf(facts));
    }

    /** "CaseStatusChanged" on a case → "status". */
    private static String field(String type, String stream) {
        String name = type.endsWith("Changed") ? type.substring(0, type.length() - "Changed".length()) : type;
        String prefix = stream.isEmpty() ? "" : Character.toUpperCase(stream.charAt(0)) + stream.substring(1);
        if (name.startsWith(prefix) && name.length() > prefix.length()) {
            name = name.substring(prefix.length());
        }
        return name.isEmpty() ? "value" : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String text(@Nullable JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "";
        }
        String text = value.isValueNode() ? value.asString() : value.toString();
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}

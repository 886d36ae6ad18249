package io.repdesk.prevent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.journal.JournalProjection;
import io.repdesk.shared.HandlingCost;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the Prevent signals in step with the journal: per case its need, customer, messages, status and priced work;
 * per need, day and customer the messages; per customer the environments run and since when. Each batch is applied
 * and the position moved in one transaction under a row lock, so an entry counts once however many nodes tail the
 * same database. A case linked to another need (a correction, a merge of needs) takes its messages along; a case
 * merged into another stops counting.
 */
@Service
public class SignalProjector extends JournalProjection {


    private final Journal journal;
    private final SignalStore store;
    private final TransactionTemplate transaction;
    private final PreventSettings settings;
    private final HandlingCost cost;
    private final JsonMapper json;

    SignalProjector(Journal journal, SignalStore store, PlatformTransactionManager transactions,
            PreventSettings settings, HandlingCost cost, JsonMapper json) {
        super("prevent-signals", "Prevent signals");
        this.journal = journal;
        this.store = store;
        // Readers catch up from inside their own (read-only) transactions: a batch always commits on its own.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.settings = settings;
        this.cost = cost;
        this.json = json;
    }

    @Override
    protected Duration interval() {
        return settings.signalInterval();
    }

    /** Catches up when the journal has entries the signals lack: what readers call before they read. */
    void catchUpIfBehind() {
        if (journal.head() > position()) {
            catchUp();
        }
    }

    /** The last journal sequence the signals include. */
    @Override
    public long position() {
        return store.position().sequence();
    }

    /** Empties the signals and applies the whole journal again, reporting the position after each batch. */
    public void rebuild(LongConsumer progress) {
        transaction.executeWithoutResult(status -> store.clear());
        while (applyNextBatch() > 0) {
            progress.accept(position());
        }
    }

    @Override
    protected int applyNextBatch() {
        Integer applied = transaction.execute(status -> {
            SignalStore.Position from = store.lockPosition();
            List<JournalEntry> entries = journal.after(from.sequence(), settings.signalBatch());
            if (entries.isEmpty()) {
                return 0;
            }
            long customersChanged = new Batch(entries).apply(from.customersChanged());
            store.savePosition(new SignalStore.Position(entries.getLast().sequence(), customersChanged));
            return entries.size();
        });
        return applied == null ? 0 : applied;
    }

    /** One batch of entries: the cases they touch loaded up front, the changes gathered and written at the end. */
    private final class Batch {

        private final List<JournalEntry> entries;
        private final List<JsonNode> payloads = new ArrayList<>();
        private final Map<UUID, SignalCase> cases;
        private final Set<UUID> changed = new HashSet<>();
        private final Map<UUID, Map<LocalDate, Integer>> caseDays = new HashMap<>();
        private final Map<SignalStore.DayKey, Integer> days = new LinkedHashMap<>();
        private final List<SignalStore.ProfileRow> profiles = new ArrayList<>();

        Batch(List<JournalEntry> entries) {
            this.entries = entries;
            Set<UUID> ids = new HashSet<>();
            for (JournalEntry entry : entries) {
                JsonNode payload = json.readTree(entry.payload());
                payloads.add(payload);
                if (entry.stream().equals("case")) {
                    ids.add(entry.streamId());
                }
                uuid(payload, "caseId").ifPresent(ids::add);
            }
            cases = store.cases(ids);
        }

        /** Applies the entries; returns the last sequence that changed a customer's environment. */
        long apply(long customersChanged) {
            long changedAt = customersChanged;
            for (int i = 0; i < entries.size(); i++) {
                if (apply(entries.get(i), payloads.get(i))) {
                    changedAt = entries.get(i).sequence();
                }
            }
            store.saveCases(changed.stream().map(cases::get).toList());
            store.addCaseDays(caseDays);
            store.addDays(days);
            store.insertProfiles(profiles);
            return changedAt;
        }

        /** Applies one entry; true when it changed what a customer runs. */
        private boolean apply(JournalEntry entry, JsonNode payload) {
            switch (entry.type()) {
                case "CustomerRegistered" -> profile(entry, payload.path("environment"), Instant.EPOCH);
                case "CustomerEnvironmentChanged" -> profile(entry, payload.path("environment"),
                        at(entry, payload, "at"));
                case "CaseOpened" -> opened(entry, payload);
                case "ContactRecorded" -> contact(entry, payload);
                case "CaseLinkedToNeed" -> find(entry.streamId()).ifPresent(c -> relink(c, uuid(payload, "needId")
                        .orElse(null)));
                case "CaseStatusChanged" -> find(entry.streamId()).ifPresent(c -> {
                    c.status = payload.path("to").asString("");
                    c.statusAt = at(entry, payload, "at");
                });
                case "CaseMerged" -> find(entry.streamId()).ifPresent(c -> {
                    move(c, c.needId, null);
                    c.merged = true;
                    c.status = "CLOSED";
                    c.statusAt = entry.occurredAt();
                });
                default -> {
                    // other entries change no signal beyond the work priced below
                }
            }
            if (entry.stream().equals("case")) {
                int minutes = cost.minutes(entry.type(), false);
                find(entry.streamId()).ifPresent(c -> c.minutes += minutes);
            }
            return entry.type().startsWith("Customer") && !payload.path("environment").isMissingNode();
        }

        private void profile(JournalEntry entry, JsonNode environment, Instant from) {
            profiles.add(new SignalStore.ProfileRow(entry.streamId(), from, entry.sequence(),
                    text(environment, "product"), text(environment, "platform"), text(environment, "version")));
        }

        private void opened(JournalEntry entry, JsonNode payload) {
            if (cases.containsKey(entry.streamId())) {
                return;
            }
            put(SignalCase.opened(entry.streamId(), uuid(payload, "needId").orElse(null),
                    uuid(payload, "customerId").orElseThrow(), at(entry, payload, "openedAt")));
        }

        private void contact(JournalEntry entry, JsonNode payload) {
            UUID caseId = uuid(payload, "caseId").orElseThrow();
            Instant at = at(entry, payload, "occurredAt");
            SignalCase c = find(caseId).orElseGet(() -> put(SignalCase.opened(caseId,
                    uuid(payload, "needId").orElse(null), uuid(payload, "customerId").orElseThrow(), at)));
            boolean inbound = "INBOUND".equals(payload.path("direction").asString(""));
            c.minutes += cost.minutes("ContactRecorded", inbound);
            changed.add(c.id);
            if (!inbound) {
                c.replies++;
                return;
            }
            c.inbound++;
            LocalDate day = at.atOffset(ZoneOffset.UTC).toLocalDate();
            caseDays.computeIfAbsent(c.id, k -> new HashMap<>()).merge(day, 1, Integer::sum);
            if (c.counts()) {
                days.merge(new SignalStore.DayKey(c.needId, day, c.customerId), 1, Integer::sum);
            }
        }

        private void relink(SignalCase c, @Nullable UUID need) {
            if (java.util.Objects.equals(need, c.needId)) {
                return;
            }
            move(c, c.needId, need);
            c.needId = need;
        }

        /** Moves the case's messages from one need's days to another's; a null need is no need (or no count). */
        private void move(SignalCase c, @Nullable UUID from, @Nullable UUID to) {
            if (c.merged) {
                return;
            }
            Map<LocalDate, Integer> perDay = new HashMap<>(store.caseDays(c.id));
            caseDays.getOrDefault(c.id, Map.of()).forEach((day, n) -> perDay.merge(day, n, Integer::sum));
            perDay.forEach((day, n) -> {
                if (from != null) {
                    days.merge(new SignalStore.DayKey(from, day, c.customerId), -n, Integer::sum);
                }
                if (to != null) {
                    days.merge(new SignalStore.DayKey(to, day, c.customerId), n, Integer::sum);
                }
            });
        }

        private Optional<SignalCase> find(UUID caseId) {
            SignalCase c = cases.get(caseId);
            if (c != null) {
                changed.add(caseId);
            }
            return Optional.ofNullable(c);
        }

        private SignalCase put(SignalCase c) {
            cases.put(c.id, c);
            changed.add(c.id);
            return c;
        }
    }

    /** The moment a payload field names, else the moment the entry was journaled. */
    private static Instant at(JournalEntry entry, JsonNode payload, String field) {
        String text = payload.path(field).asString("");
        return text.isBlank() ? entry.occurredAt() : Instant.parse(text);
    }

    private static @Nullable String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isString() ? value.asString() : null;
    }

    private static Optional<UUID> uuid(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isString() && !value.asString().isBlank() ? Optional.of(UUID.fromString(value.asString()))
                : Optional.empty();
    }
}

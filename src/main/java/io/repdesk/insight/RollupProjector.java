package io.repdesk.insight;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.journal.JournalProjection;
import io.repdesk.shared.HandlingCost;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps the insight rollups in step with the journal: reads the entries after the stored position, applies them
 * and moves the position in one transaction, so an entry is counted exactly once whatever crashes and however
 * many nodes tail the same database. A case linked to another need later takes its counted work along.
 */
@Service
public class RollupProjector extends JournalProjection {


    private final Journal journal;
    private final RollupStore store;
    private final TransactionTemplate transaction;
    private final InsightSettings settings;
    private final HandlingCost cost;
    private final JsonMapper json;

    RollupProjector(Journal journal, RollupStore store, TransactionTemplate transaction, InsightSettings settings,
            HandlingCost cost, JsonMapper json) {
        super("insight-rollups", "Insight rollups");
        this.journal = journal;
        this.store = store;
        this.transaction = transaction;
        this.settings = settings;
        this.cost = cost;
        this.json = json;
    }

    @Override
    protected Duration interval() {
        return settings.tail() ? settings.pollInterval() : Duration.ZERO;
    }

    /** The last journal sequence the rollups include. */
    @Override
    public long position() {
        return store.position();
    }

    /** Empties the rollups and applies the whole journal again, reporting the position after each batch. */
    public void rebuild(LongConsumer progress) {
        transaction.executeWithoutResult(status -> store.clear());
        while (applyNextBatch() > 0) {
            progress.accept(store.position());
        }
    }

    /**
     * Vacuums and analyses the read models (outside any transaction): after a rebuild the planner knows their sizes
     * and the dashboards' covering indexes answer without visiting the tables. Autovacuum gets there too, later.
     */
    public void vacuum() {
        store.vacuum();
    }

    /** Applies the next batch in one transaction; returns how many entries it held. */
    @Override
    protected int applyNextBatch() {
        Integer applied = transaction.execute(status -> {
            long from = store.lockPosition();
            List<JournalEntry> entries = journal.after(from, settings.batchSize());
            if (entries.isEmpty()) {
                return 0;
            }
            new Batch(entries).apply();
            store.savePosition(entries.getLast().sequence());
            return entries.size();
        });
        return applied == null ? 0 : applied;
    }

    /**
     * One batch of entries, with the state they touch loaded up front and every change gathered in memory: the
     * rollup increments summed per row, the cases' new state, the new work. {@link #flush} writes them with one
     * statement per table.
     */
    private final class Batch {

        private final List<JournalEntry> entries;
        private final List<JsonNode> payloads = new ArrayList<>();
        private final Map<UUID, RollupStore.NeedState> needs;
        private final Map<UUID, RollupStore.CaseState> cases;
        private final Map<UUID, RollupStore.CustomerState> customers;
        private final Map<UUID, RollupStore.CaseState> changedCases = new LinkedHashMap<>();
        private final Map<UUID, RollupStore.CustomerState> changedCustomers = new LinkedHashMap<>();
        private final Map<UUID, String> mergedCases = new LinkedHashMap<>();
        private final Map<UUID, RollupStore.Mark> marks = new LinkedHashMap<>();
        /** Work counted in this batch and not written yet, by sequence. */
        private final Map<Long, Work> work = new LinkedHashMap<>();
        /** For the cases this batch links to another need: their work, written or not, by sequence. */
        private final Map<UUID, Map<Long, Work>> relinked;
        /** The stage written work of a relinked case moves to. */
        private final Map<UUID, String> restaged = new LinkedHashMap<>();
        /** Needs counted under no class in this batch because they were not defined yet. */
        private final Set<UUID> unclassified = new HashSet<>();
        private final Rollups rollups = new Rollups();
        /** What the outcome rollup counts each loaded case as: its state when last written, and whether it was merged. */
        private final Map<UUID, RollupStore.CaseState> countedAs;
        private final Set<UUID> merged;
        private final CaseOutcomes outcomes = new CaseOutcomes();

        Batch(List<JournalEntry> entries) {
            this.entries = entries;
            Set<UUID> caseIds = new HashSet<>();
            Set<UUID> customerIds = new HashSet<>();
            Set<UUID> linked = new HashSet<>();
            for (JournalEntry entry : entries) {
                JsonNode payload = json.readTree(entry.payload());
                payloads.add(payload);
                if (entry.stream().equals("case")) {
                    caseIds.add(entry.streamId());
                    if (entry.type().equals("CaseLinkedToNeed")) {
                        linked.add(entry.streamId());
                    }
                }
                uuid(payload, "caseId").ifPresent(caseIds::add);
                uuid(payload, "customerId").ifPresent(customerIds::add);
                if (entry.type().equals("CustomerEnvironmentChanged")) {
                    customerIds.add(entry.streamId());
                }
            }
            needs = store.needs();
            cases = store.cases(caseIds);
            countedAs = new HashMap<>(cases);
            merged = store.merged(caseIds);
            cases.values().forEach(c -> customerIds.add(c.customerId()));
            customers = store.customers(customerIds);
            relinked = new HashMap<>();
            store.workOf(linked).forEach((id, counted) -> {
                Map<Long, Work> bySequence = new LinkedHashMap<>();
                counted.forEach(w -> bySequence.put(w.sequence(), w));
                relinked.put(id, bySequence);
            });
            linked.forEach(id -> relinked.putIfAbsent(id, new LinkedHashMap<>()));
        }

        void apply() {
            for (int i = 0; i < entries.size(); i++) {
                apply(entries.get(i), payloads.get(i));
            }
            flush();
        }

        private void apply(JournalEntry entry, JsonNode payload) {
            switch (entry.type()) {
                case "OrganizationRegistered" -> store.insertOrganization(entry.streamId(), text(payload, "name"),
                        text(payload, "plan"));
                case "CustomerRegistered" -> customerRegistered(entry, payload);
                case "CustomerEnvironmentChanged" -> customerEnvironmentChanged(entry, payload);
                case "ContactMarked" -> marks.merge(entry.streamId(), new RollupStore.Mark(entry.streamId(),
                        text(payload, "kind"), text(payload, "excerpt"), entry.actor(), entry.occurredAt()),
                        (first, again) -> new RollupStore.Mark(first.contactId(), again.kind(), first.excerpt(),
                                again.markedBy(), again.markedAt()));
                case "GoodwillGiven" -> store.insertGoodwill(entry.sequence(), entry.streamId(), new Goodwill(
                        Goodwill.Kind.valueOf(text(payload, "kind")), new java.math.BigDecimal(text(payload, "amount")),
                        text(payload, "currency"), text(payload, "reason"), entry.actor(), entry.occurredAt()));
                case "SatisfactionRated" -> satisfactionRated(entry, payload);
                case "NeedDefined" -> needDefined(entry, payload);
                case "NeedStageChanged" -> needMoved(entry, payload);
                case "NeedClassified" -> needClassified(entry.streamId(), payload.path("to").asString());
                case "NeedMerged" -> uuid(payload, "into").ifPresent(into -> store.mergeNeed(entry.streamId(), into));
                case "CaseOpened" -> caseOpened(entry, payload);
                case "CaseLinkedToNeed" -> caseLinked(entry, payload);
                case "CaseMerged" -> {
                    caseWork(entry);
                    RollupStore.CaseState current = cases.get(entry.streamId());
                    if (current != null) {
                        mergedCases.put(current.id(), text(payload, "into"));
                        changed(current.withStatus("", "CLOSED", entry.occurredAt()));
                    }
                }
                case "ContactRecorded" -> contactRecorded(entry, payload);
                case "CaseStatusChanged" -> {
                    caseWork(entry);
                    RollupStore.CaseState current = cases.get(entry.streamId());
                    if (current != null) {
                        changed(current.withStatus(text(payload, "from"), text(payload, "to"), at(entry, payload, "at")));
                    }
                }
                case "SlaBreached" -> {
                    caseWork(entry);
                    RollupStore.CaseState current = cases.get(entry.streamId());
                    if (current != null) {
                        changed(current.breached());
                    }
                }
                case "CaseAssigned" -> {
                    caseWork(entry);
                    RollupStore.CaseState current = cases.get(entry.streamId());
                    if (current != null) {
                        changed(current.withAssignee(text(payload, "assignee")));
                    }
                }
                case "CaseQueued" -> teamChanged(entry, text(payload, "team"));
                case "CaseEscalated" -> teamChanged(entry, text(payload, "toTeam"));
                case "ArticleDrafted", "ArticleRevised", "ArticlePublished", "ArticleArchived" -> articleChanged(entry,
                        payload);
                default -> caseWork(entry);
            }
        }

        private void customerRegistered(JournalEntry entry, JsonNode payload) {
            JsonNode environment = payload.path("environment");
            RollupStore.CustomerState customer = new RollupStore.CustomerState(
                    uuid(payload, "organizationId").orElse(Work.NONE), environment.path("plan").asString(""),
                    environment.path("product").asString(""), environment.path("version").asString(""));
            customers.put(entry.streamId(), customer);
            changedCustomers.put(entry.streamId(), customer);
        }

        /**
         * The customer upgraded or changed plan: what they contact us about from here on counts under the new
         * product and version; what was counted before stays under the one they ran then.
         */
        private void customerEnvironmentChanged(JournalEntry entry, JsonNode payload) {
            RollupStore.CustomerState before = customers.getOrDefault(entry.streamId(),
                    RollupStore.CustomerState.UNKNOWN);
            JsonNode environment = payload.path("environment");
            RollupStore.CustomerState after = new RollupStore.CustomerState(before.organizationId(),
                    environment.path("plan").asString(""), environment.path("product").asString(""),
                    environment.path("version").asString(""));
            customers.put(entry.streamId(), after);
            changedCustomers.put(entry.streamId(), after);
        }

        /** An answer counts under the need, team and agent the case had when it was answered. */
        private void satisfactionRated(JournalEntry entry, JsonNode payload) {
            UUID caseId = uuid(payload, "caseId").orElse(entry.streamId());
            RollupStore.CaseState current = cases.get(caseId);
            UUID customer = uuid(payload, "customerId").orElse(current == null ? Work.NONE : current.customerId());
            UUID need = uuid(payload, "needId").orElse(current == null ? Work.NONE : current.needId());
            store.insertSatisfaction(entry.sequence(), caseId, customer, need, text(payload, "team"),
                    text(payload, "agent"), payload.path("score").asInt(), entry.occurredAt());
        }

        /** The work of the event itself counts for the team that did it; the case then belongs to the new team. */
        private void teamChanged(JournalEntry entry, String team) {
            caseWork(entry);
            RollupStore.CaseState current = cases.get(entry.streamId());
            if (current != null && !team.isBlank()) {
                changed(current.withTeam(team));
            }
        }

        private void articleChanged(JournalEntry entry, JsonNode payload) {
            List<UUID> served = new ArrayList<>();
            payload.path("needIds").forEach(id -> served.add(UUID.fromString(id.asString())));
            store.articleChanged(entry.streamId(), served, "PUBLISHED".equals(payload.path("state").asString())
                    && "PUBLIC".equals(payload.path("audience").asString()));
        }

        private void needDefined(JournalEntry entry, JsonNode payload) {
            String demandClass = payload.path("demandClass").asString("UNCLASSIFIED");
            store.insertNeed(entry.streamId(), payload.path("title").asString(""), demandClass,
                    at(entry, payload, "createdAt"), entry.sequence());
            if (!needs.containsKey(entry.streamId())) {
                boolean countedBefore = unclassified.contains(entry.streamId()) || store.counted(entry.streamId());
                // Cases already about the need counted as triage under no class; they move to the need's first stage.
                flush();
                moveOutcomes(entry.streamId(), RollupStore.NO_CLASS, Work.TRIAGE, RollupStore.NO_CLASS, "RESPOND");
                needs.put(entry.streamId(), new RollupStore.NeedState(entry.streamId(), "RESPOND", RollupStore.NO_CLASS));
                if (countedBefore) {
                    needClassified(entry.streamId(), demandClass);
                } else {
                    moveOutcomes(entry.streamId(), RollupStore.NO_CLASS, "RESPOND", demandClass, "RESPOND");
                    needs.put(entry.streamId(), new RollupStore.NeedState(entry.streamId(), "RESPOND", demandClass));
                }
            }
        }

        /** Moves the outcomes of the need's cases (as written: call after a flush) to another class and stage. */
        private void moveOutcomes(UUID need, String fromClass, String fromStage, String toClass, String toStage) {
            if (fromClass.equals(toClass) && fromStage.equals(toStage)) {
                return;
            }
            store.casesOf(need).forEach(c -> outcomes.move(c, fromClass, fromStage, toClass, toStage));
        }

        /** What was counted for the need moves to its new class; work gathered so far is written first. */
        private void needClassified(UUID need, String demandClass) {
            RollupStore.NeedState state = needs.get(need);
            String from = state == null ? RollupStore.NO_CLASS : state.demandClass();
            store.classifyNeed(need, demandClass);
            if (state == null || from.equals(demandClass)) {
                return;
            }
            flush();
            store.reclassify(need, from, demandClass);
            moveOutcomes(need, from, state.stage(), demandClass, state.stage());
            needs.put(need, new RollupStore.NeedState(need, state.stage(), demandClass));
        }

        private void needMoved(JournalEntry entry, JsonNode payload) {
            String to = payload.path("to").asString();
            String from = payload.path("from").asString();
            store.moveNeed(entry.streamId(), from, to, at(entry, payload, "at"), entry.sequence());
            RollupStore.NeedState state = needs.get(entry.streamId());
            if (state != null) {
                flush();
                moveOutcomes(entry.streamId(), state.demandClass(), state.stage(), state.demandClass(), to);
            }
            needs.put(entry.streamId(), new RollupStore.NeedState(entry.streamId(), to,
                    state == null ? RollupStore.NO_CLASS : state.demandClass()));
        }

        private void caseOpened(JournalEntry entry, JsonNode payload) {
            if (!cases.containsKey(entry.streamId())) {
                changed(RollupStore.CaseState.opened(entry.streamId(), payload.path("reference").asString(""),
                        uuid(payload, "customerId").orElse(Work.NONE), uuid(payload, "needId").orElse(Work.NONE),
                        entry.occurredAt()));
            }
        }

        /** Moves everything counted for the case to its new need, in the stage that need is in now. */
        private void caseLinked(JournalEntry entry, JsonNode payload) {
            RollupStore.CaseState current = cases.get(entry.streamId());
            if (current == null) {
                return;
            }
            UUID need = uuid(payload, "needId").orElse(Work.NONE);
            if (need.equals(current.needId())) {
                return;
            }
            String stage = stageOf(need);
            Map<Long, Work> counted = relinked.get(current.id());
            counted.replaceAll((sequence, w) -> {
                rollups.add(w, current.needId(), classOf(current.needId()), -1);
                Work moved = w.inStage(stage);
                rollups.add(moved, need, classOf(need), 1);
                if (work.containsKey(sequence)) {
                    work.put(sequence, moved);
                }
                return moved;
            });
            restaged.put(current.id(), stage);
            changed(current.withNeed(need));
        }

        private void contactRecorded(JournalEntry entry, JsonNode payload) {
            UUID caseId = uuid(payload, "caseId").orElseThrow();
            Instant at = at(entry, payload, "occurredAt");
            RollupStore.CaseState current = cases.get(caseId);
            if (current == null) {
                current = RollupStore.CaseState.opened(caseId, "", uuid(payload, "customerId").orElse(Work.NONE),
                        uuid(payload, "needId").orElse(Work.NONE), at);
            }
            boolean inbound = "INBOUND".equals(payload.path("direction").asString());
            boolean repeat = inbound && current.inbound() > 0;
            RollupStore.CustomerState customer = customers.getOrDefault(current.customerId(),
                    RollupStore.CustomerState.UNKNOWN);
            count(new Work(entry.sequence(), caseId, day(at), payload.path("channel").asString(""),
                    stageOf(current.needId()), customer.organizationId(), customer.product(), customer.version(),
                    current.team(), 1, inbound ? 1 : 0, repeat ? 1 : 0, cost.minutes("ContactRecorded", inbound),
                    entry.streamId()), current.needId());
            changed(current.withContact(inbound, at));
        }

        /** A case event that costs agent time counts as work without a contact. */
        private void caseWork(JournalEntry entry) {
            int minutes = entry.stream().equals("case") ? cost.minutes(entry.type(), false) : 0;
            RollupStore.CaseState current = cases.get(entry.streamId());
            if (minutes == 0 || current == null) {
                return;
            }
            RollupStore.CustomerState customer = customers.getOrDefault(current.customerId(),
                    RollupStore.CustomerState.UNKNOWN);
            count(new Work(entry.sequence(), current.id(), day(entry.occurredAt()), "", stageOf(current.needId()),
                    customer.organizationId(), customer.product(), customer.version(), current.team(), 0, 0, 0, minutes, null),
                    current.needId());
        }

        private void count(Work counted, UUID need) {
            work.put(counted.sequence(), counted);
            Map<Long, Work> linked = relinked.get(counted.caseId());
            if (linked != null) {
                linked.put(counted.sequence(), counted);
            }
            rollups.add(counted, need, classOf(need), 1);
        }

        /** Keeps the case's new state for writing; an event that changes nothing (the same team again) writes nothing. */
        private void changed(RollupStore.CaseState state) {
            if (!state.equals(cases.put(state.id(), state))) {
                changedCases.put(state.id(), state);
            }
        }

        private String stageOf(UUID need) {
            RollupStore.NeedState state = needs.get(need);
            return state == null ? Work.TRIAGE : state.stage();
        }

        private String classOf(UUID need) {
            RollupStore.NeedState state = needs.get(need);
            if (state == null) {
                unclassified.add(need);
                return RollupStore.NO_CLASS;
            }
            return state.demandClass();
        }

        /** Writes what the batch gathered: stored work moves stage before the new work joins it. */
        private void flush() {
            store.saveCustomers(changedCustomers);
            changedCustomers.clear();
            store.restage(restaged);
            restaged.clear();
            store.insertWork(work.values());
            work.clear();
            store.markContacts(marks.values());
            marks.clear();
            rollups.flush(store);
            countOutcomes();
            store.saveCases(changedCases.values());
            store.followCases(changedCases.keySet());
            changedCases.clear();
            store.mergeCases(mergedCases);
            mergedCases.clear();
        }

        /**
         * Takes back what each changed case counted as in the outcome rollup and counts its new state, under the class
         * and stage of its need now: every change of a need's class or stage flushes first and moves the need's cases.
         */
        private void countOutcomes() {
            Set<UUID> ids = new LinkedHashSet<>(changedCases.keySet());
            ids.addAll(mergedCases.keySet());
            for (UUID id : ids) {
                RollupStore.CaseState now = cases.get(id);
                RollupStore.CaseState before = countedAs.put(id, now);
                if (before != null && !merged.contains(id)) {
                    outcomes.add(before, classOf(before.needId()), stageOf(before.needId()), -1);
                }
                if (mergedCases.containsKey(id)) {
                    merged.add(id);
                }
                if (!merged.contains(id)) {
                    outcomes.add(now, classOf(now.needId()), stageOf(now.needId()), 1);
                }
            }
            outcomes.flush(store);
        }
    }

    private static LocalDate day(Instant at) {
        return at.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    /** The moment a payload field names, else the moment the entry was journaled. */
    private static Instant at(JournalEntry entry, JsonNode payload, String field) {
        String text = payload.path(field).asString("");
        return text.isBlank() ? entry.occurredAt() : Instant.parse(text);
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isString() ? value.asString() : "";
    }

    private static java.util.Optional<UUID> uuid(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isString() && !value.asString().isBlank() ? java.util.Optional.of(UUID.fromString(value.asString()))
                : java.util.Optional.empty();
    }
}

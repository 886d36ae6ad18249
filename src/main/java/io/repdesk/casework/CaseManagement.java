package io.repdesk.casework;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseEvents.CaseLinkedToNeed;
import io.repdesk.casework.CaseEvents.CaseOpened;
import io.repdesk.casework.CaseEvents.CaseStatusChanged;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMerged;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** Opens cases, links them to needs, and changes their status and assignee; every change is journaled. */
@Service
@Transactional(readOnly = true)
public class CaseManagement {

    private final Cases cases;
    private final Matches matches;
    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final CaseActivity activity;
    private final CaseworkSettings settings;
    private final Clock clock;
    private final NeedHistories histories;

    CaseManagement(Cases cases, Matches matches, CustomerManagement customers, NeedManagement needs, Journal journal,
            ApplicationEventPublisher events, CaseActivity activity, CaseworkSettings settings, Clock clock,
            NeedHistories histories) {
        this.histories = histories;
        this.activity = activity;
        this.settings = settings;
        this.clock = clock;
        this.cases = cases;
        this.matches = matches;
        this.customers = customers;
        this.needs = needs;
        this.journal = journal;
        this.events = events;
    }

    /** Opens a case as of the given moment (the time of the contact that opened it). */
    @Transactional
    public SupportCase open(NewCase request, Instant openedAt) {
        if (!customers.exists(request.customerId())) {
            throw new NotFound("customer", request.customerId());
        }
        if (request.needId() != null && !needs.exists(request.needId())) {
            throw new NotFound("need", request.needId());
        }
        String linkedBy = request.needId() == null ? null : Journal.currentActor();
        SupportCase opened = new SupportCase(CaseId.random(), cases.nextReference(), request.customerId(),
                request.subject(), CaseStatus.NEW, request.priority(), Tier.TIER_1, null, request.needId(), linkedBy,
                request.needId() != null, null, 0, openedAt, openedAt, openedAt, openedAt, null, null, null);
        cases.insert(opened);
        activity.record(opened.id(), openedAt, CaseActivity.Kind.OPENED, CaseStatus.NEW);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reference", opened.reference());
        facts.put("customerId", opened.customerId().toString());
        facts.put("subject", opened.subject());
        facts.put("priority", opened.priority());
        facts.put("needId", opened.needId() == null ? null : opened.needId().toString());
        facts.put("openedAt", openedAt.toString());
        journal.append("case", opened.id().value(), "CaseOpened", facts);
        events.publishEvent(new CaseOpened(opened.id()));
        return opened;
    }

    /**
     * Counts a contact recorded on the case; called by the contact module in the same transaction. An
     * inbound contact on a case without a need is queued for matching. A customer's reply takes a case
     * waiting on them back to open, and reopens a case resolved within the reopen window.
     *
     * @param channel the contact's channel, remembered from the case's first contact (SLA conditions)
     */
    @Transactional
    public void contactRecorded(CaseId id, ContactId contact, Instant occurredAt, boolean inbound, String text,
            String channel) {
        SupportCase current = get(id);
        cases.countContact(id, occurredAt, channel);
        activity.record(id, occurredAt, inbound ? CaseActivity.Kind.CUSTOMER_MESSAGE : CaseActivity.Kind.AGENT_REPLY,
                null);
        if (inbound && reopensOnReply(current, occurredAt)) {
            changeStatus(current, CaseStatus.OPEN, "customer replied", occurredAt);
            current = get(id);
        }
        if (inbound && current.needId() == null && current.isOpen()) {
            matches.request(contact, id, text, journal.head());
        }
    }

    /**
     * Whether a customer's message at that moment belongs on the case: it is open, the message predates
     * the case's last status change (history arriving late), or the case was resolved within the window.
     */
    public boolean takesFollowUp(SupportCase current, Instant at) {
        return current.isOpen() || at.isBefore(current.statusChangedAt()) || reopensOnReply(current, at);
    }

    /** A reply moves a case waiting on the customer, or resolved within the reopen window, back to open. */
    private boolean reopensOnReply(SupportCase current, Instant at) {
        if (at.isBefore(current.statusChangedAt())) {
            return false;
        }
        return switch (current.status()) {
            case WAITING_ON_CUSTOMER -> true;
            case RESOLVED -> !at.isAfter(current.statusChangedAt().plus(settings.reopenWindow()));
            default -> false;
        };
    }

    /** How many new cases wait for need matching, across every node. */
    public long matchingBacklog() {
        return matches.waiting();
    }

    /** What matching last said about the case. */
    public CaseMatch matchOf(CaseId id) {
        return matches.of(id);
    }

    /** Whether the case still waits for matching. */
    public boolean awaitingMatch(CaseId id) {
        return matches.waiting(id);
    }

    /** A person says the case is about a need repdesk does not know yet: the need is defined and linked. */
    @Transactional
    public SupportCase linkToNewNeed(CaseId id, NewNeed need) {
        changeable(id);
        ServiceNeed defined = needs.define(need);
        return linkToNeed(id, defined.id());
    }

    /**
     * A person links the case to a need (or corrects the link); matching learns from it at once. Closed
     * cases may be relinked too: that corrects the history (splitting a need, say), not the casework.
     */
    @Transactional
    public SupportCase linkToNeed(CaseId id, NeedId needId) {
        SupportCase current = get(id);
        if (needId.equals(current.needId())) {
            return current.needConfirmed() ? current : confirmNeed(id);
        }
        return link(current, needId, true, null);
    }

    /** repdesk links the case to the need it matched with the given confidence; a person may confirm or correct it. */
    @Transactional
    public SupportCase linkAutomatically(CaseId id, NeedId needId, float confidence) {
        SupportCase current = changeable(id);
        if (current.needId() != null) {
            return current;
        }
        return link(current, needId, false, confidence);
    }

    /** A person confirms the need repdesk linked; matching learns from it at once. */
    @Transactional
    public SupportCase confirmNeed(CaseId id) {
        SupportCase current = changeable(id);
        if (current.needId() == null) {
            throw new io.repdesk.shared.InvalidInput("needId", "is not set: link the case to a need first");
        }
        if (current.needConfirmed()) {
            return current;
        }
        cases.confirmNeed(id, Journal.currentActor(), clock.instant());
        journal.append("case", id.value(), "CaseNeedConfirmed", Map.of("needId", current.needId().toString(),
                "confidence", current.needConfidence() == null ? "" : current.needConfidence()));
        return get(id);
    }

    /** When a need is merged into another, its cases follow, in the same transaction, each journaled. */
    @EventListener
    void needMerged(NeedMerged merged) {
        Instant now = clock.instant();
        for (SupportCase c : cases.withNeed(merged.source())) {
            cases.linkNeed(c.id(), merged.target(), c.needLinkedBy() == null ? Journal.currentActor() : c.needLinkedBy(),
                    c.needConfirmed(), c.needConfidence(), now);
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("needId", merged.target().toString());
            facts.put("previousNeedId", merged.source().toString());
            facts.put("previousConfirmed", c.needConfirmed());
            facts.put("confirmed", c.needConfirmed());
            facts.put("confidence", c.needConfidence());
            facts.put("reason", "merge");
            journal.append("case", c.id().value(), "CaseLinkedToNeed", facts);
        }
    }

    private SupportCase link(SupportCase current, NeedId needId, boolean confirmed, Float confidence) {
        if (!needs.exists(needId)) {
            throw new NotFound("need", needId);
        }
        String actor = confirmed ? Journal.currentActor() : Journal.SYSTEM_ACTOR;
        cases.linkNeed(current.id(), needId, actor, confirmed, confidence, clock.instant());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("needId", needId.toString());
        facts.put("previousNeedId", current.needId() == null ? null : current.needId().toString());
        facts.put("previousConfirmed", current.needConfirmed());
        facts.put("confirmed", confirmed);
        facts.put("confidence", confidence);
        journal.append("case", current.id().value(), "CaseLinkedToNeed", facts);
        events.publishEvent(new CaseLinkedToNeed(current.id(), needId, actor));
        return get(current.id());
    }

    /**
     * Records a status change as of an earlier moment, for history brought in from elsewhere (an import,
     * the demo data); the moment may not precede the case's present status.
     */
    @Transactional
    public SupportCase changeStatus(CaseId id, CaseStatus status, Instant at) {
        SupportCase current = changeable(id);
        if (at.isBefore(current.statusChangedAt())) {
            throw new io.repdesk.shared.InvalidInput("at", "is before the case's last status change ("
                    + current.statusChangedAt() + ")");
        }
        if (current.status() != status) {
            changeStatus(current, status, null, at);
        }
        return get(id);
    }

    @Transactional
    public SupportCase changeStatus(CaseId id, CaseStatus status) {
        SupportCase current = changeable(id);
        if (current.status() == status) {
            return current;
        }
        changeStatus(current, status, null, clock.instant());
        return get(id);
    }

    /** Changes the status as of {@code at}: now, or the moment of the customer reply that reopened the case. */
    private void changeStatus(SupportCase current, CaseStatus status, @Nullable String reason, Instant at) {
        cases.updateStatus(current.id(), status, at);
        activity.record(current.id(), at, CaseActivity.Kind.STATUS, status);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("from", current.status());
        facts.put("to", status);
        facts.put("at", at.toString());
        if (reason != null) {
            facts.put("reason", reason);
        }
        journal.append("case", current.id().value(), "CaseStatusChanged", facts);
        events.publishEvent(new CaseStatusChanged(current.id(), current.status(), status));
    }

    /**
     * Merges a duplicate case into the case that carries on: the duplicate is closed and points at it,
     * its contacts show on the surviving case, both references keep resolving, and a later contact on
     * the duplicate lands on the surviving case.
     */
    @Transactional
    public SupportCase merge(CaseId duplicate, CaseId into) {
        SupportCase source = changeable(duplicate);
        SupportCase target = changeable(into);
        if (source.id().equals(target.id())) {
            throw new io.repdesk.shared.InvalidInput("into", "is this case itself");
        }
        if (!source.customerId().equals(target.customerId())) {
            throw new io.repdesk.shared.InvalidInput("into", target.reference()
                    + " belongs to another customer; only one customer's cases can be merged");
        }
        if (target.mergedInto() != null) {
            throw new io.repdesk.shared.InvalidInput("into", target.reference() + " was itself merged into another case");
        }
        Instant now = clock.instant();
        cases.merge(source.id(), target.id(), now);
        activity.record(source.id(), now, CaseActivity.Kind.STATUS, CaseStatus.CLOSED);
        journal.append("case", source.id().value(), "CaseMerged", Map.of("into", target.reference(), "from",
                source.reference()));
        journal.append("case", target.id().value(), "CaseAbsorbed", Map.of("from", source.reference()));
        events.publishEvent(new CaseStatusChanged(source.id(), source.status(), CaseStatus.CLOSED));
        return get(target.id());
    }

    /** The case itself and every case merged into it: whose contacts its thread shows. */
    public List<CaseId> withMerged(CaseId id) {
        List<CaseId> all = new java.util.ArrayList<>();
        all.add(id);
        all.addAll(cases.mergedInto(id));
        return all;
    }

    /** Adds an internal note (or an attempt, or a workaround) to the case, signed by the current agent. */
    @Transactional
    public CaseNote addNote(CaseId id, CaseNote.Kind kind, @Nullable String body) {
        changeable(id);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new io.repdesk.shared.InvalidInput("body", "must not be blank");
        }
        if (text.length() > 20_000) {
            throw new io.repdesk.shared.InvalidInput("body", "must be at most 20000 characters, not " + text.length());
        }
        CaseNote note = new CaseNote(kind, text, Journal.currentActor(), clock.instant());
        cases.addNote(id, note);
        journal.append("case", id.value(), "CaseNoteAdded", Map.of("kind", kind, "body", text));
        return note;
    }

    /** The case's internal notes, oldest first. */
    public List<CaseNote> notes(CaseId id) {
        return cases.notes(id);
    }

    @Transactional
    public SupportCase changePriority(CaseId id, Priority priority) {
        SupportCase current = changeable(id);
        if (current.priority() == priority) {
            return current;
        }
        cases.updatePriority(id, priority, clock.instant());
        journal.append("case", id.value(), "CasePriorityChanged", Map.of("from", current.priority(), "to", priority));
        return get(id);
    }

    @Transactional
    public SupportCase assign(CaseId id, String assignee) {
        SupportCase current = changeable(id);
        cases.assign(id, assignee, clock.instant());
        journal.append("case", id.value(), "CaseAssigned",
                Map.of("assignee", assignee, "previous", current.assignee() == null ? "" : current.assignee()));
        return get(id);
    }

    public SupportCase get(CaseId id) {
        return cases.find(id).orElseThrow(() -> new NotFound("case", id));
    }

    public SupportCase byReference(String reference) {
        return cases.findByReference(reference).orElseThrow(() -> new NotFound("case", "reference", reference));
    }

    public Page<SupportCase> list(CaseFilter filter, PageRequest page) {
        return cases.page(filter, page);
    }

    /** The cases of these customers (an organization's people, say): open ones first, then the latest updated. */
    public Page<SupportCase> ofCustomers(List<CustomerId> customers, PageRequest page) {
        return cases.pageForCustomers(customers, page);
    }

    /** The first cases of the filter, latest contact first, without counting them all (the inbox's triage). */
    public List<SupportCase> latest(CaseFilter filter, int limit) {
        return cases.latest(filter, limit);
    }

    /** How many open cases have no need yet, from the counts kept as cases change. */
    public long openInTriage() {
        return cases.openInTriage();
    }

    /** Open cases per linked need, busiest first. */
    public List<NeedLoad> openLoadByNeed() {
        return cases.openLoadByNeed();
    }

    /** Cases opened per need since the moment (merged duplicates left out), busiest first. */
    public List<NeedLoad> openedSinceByNeed(Instant since) {
        return cases.openedSinceByNeed(since);
    }

    /** Cases of the need opened per ISO week (weeks starting Monday, UTC) from the moment on; empty weeks left out. */
    public List<WeeklyCount> openedPerWeek(NeedId need, Instant since) {
        return cases.openedPerWeek(need, since);
    }

    /** Every case that carries one of the needs, merged duplicates included (their contacts stay with them). */
    public List<CaseId> idsWithNeeds(java.util.Collection<NeedId> needs) {
        return cases.idsWithNeeds(needs);
    }

    /** Every case of the need (merged duplicates left out), oldest first, with its message counts. */
    public List<NeedCase> casesOfNeed(NeedId need) {
        return histories.cases(need);
    }

    /** The customers' messages on the need's cases from the moment on, oldest first. */
    public List<NeedContact> contactsOfNeed(NeedId need, Instant since) {
        return histories.contacts(need, since);
    }

    private SupportCase changeable(CaseId id) {
        SupportCase current = get(id);
        if (current.status() == CaseStatus.CLOSED) {
            throw new CaseAlreadyClosed(current.reference());
        }
        return current;
    }
}

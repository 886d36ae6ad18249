package io.repdesk.casework;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseEvents.CaseLinkedToNeed;
import io.repdesk.casework.CaseEvents.CaseOpened;
import io.repdesk.casework.CaseEvents.CaseStatusChanged;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** Opens cases, links them to needs, and changes their status and assignee; every change is journaled. */
@Service
@Transactional(readOnly = true)
public class CaseManagement {

    private final Cases cases;
    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final Journal journal;
    private final ApplicationEventPublisher events;

    CaseManagement(Cases cases, CustomerManagement customers, NeedManagement needs, Journal journal,
            ApplicationEventPublisher events) {
        this.cases = cases;
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
                0, openedAt, openedAt, openedAt);
        cases.insert(opened);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("reference", opened.reference());
        facts.put("customerId", opened.customerId().toString());
        facts.put("subject", opened.subject());
        facts.put("priority", opened.priority());
        facts.put("needId", opened.needId() == null ? null : opened.needId().toString());
        journal.append("case", opened.id().value(), "CaseOpened", facts);
        events.publishEvent(new CaseOpened(opened.id()));
        return opened;
    }

    /** Counts a contact recorded on the case; called by the contact module in the same transaction. */
    @Transactional
    public void contactRecorded(CaseId id, Instant occurredAt) {
        get(id);
        cases.countContact(id, occurredAt);
    }

    @Transactional
    public SupportCase linkToNeed(CaseId id, NeedId needId) {
        SupportCase current = changeable(id);
        if (!needs.exists(needId)) {
            throw new NotFound("need", needId);
        }
        if (needId.equals(current.needId())) {
            return current;
        }
        String actor = Journal.currentActor();
        cases.linkNeed(id, needId, actor, Instant.now());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("needId", needId.toString());
        facts.put("previousNeedId", current.needId() == null ? null : current.needId().toString());
        journal.append("case", id.value(), "CaseLinkedToNeed", facts);
        events.publishEvent(new CaseLinkedToNeed(id, needId, actor));
        return get(id);
    }

    @Transactional
    public SupportCase changeStatus(CaseId id, CaseStatus status) {
        SupportCase current = changeable(id);
        if (current.status() == status) {
            return current;
        }
        cases.updateStatus(id, status, Instant.now());
        journal.append("case", id.value(), "CaseStatusChanged", Map.of("from", current.status(), "to", status));
        events.publishEvent(new CaseStatusChanged(id, current.status(), status));
        return get(id);
    }

    @Transactional
    public SupportCase assign(CaseId id, String assignee) {
        SupportCase current = changeable(id);
        cases.assign(id, assignee, Instant.now());
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

    /** Open cases per linked need, busiest first. */
    public List<NeedLoad> openLoadByNeed() {
        return cases.openLoadByNeed();
    }

    private SupportCase changeable(CaseId id) {
        SupportCase current = get(id);
        if (current.status() == CaseStatus.CLOSED) {
            throw new CaseAlreadyClosed(current.reference());
        }
        return current;
    }
}

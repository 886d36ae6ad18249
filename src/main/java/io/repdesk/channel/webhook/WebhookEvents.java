package io.repdesk.channel.webhook;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseEvents.CaseEscalated;
import io.repdesk.casework.CaseEvents.CaseLinkedToNeed;
import io.repdesk.casework.CaseEvents.CaseOpened;
import io.repdesk.casework.CaseEvents.CaseStatusChanged;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.ContactRecorded;
import io.repdesk.need.NeedDefined;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMerged;
import io.repdesk.need.NeedStageChanged;
import io.repdesk.need.ServiceNeed;
import io.repdesk.prevent.Evidence;
import io.repdesk.prevent.NeedEvidence;
import io.repdesk.prevent.Overrepresentation;
import io.repdesk.prevent.PreventEvents.NeedHandedOff;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;

/**
 * Listens to casework, contact and need events once their changes commit and queues webhook deliveries for
 * them, each listener in a transaction of its own.
 */
@Component
class WebhookEvents {

    private final WebhookOutbox outbox;
    private final CaseManagement cases;
    private final NeedManagement needs;
    private final NeedEvidence evidence;

    WebhookEvents(WebhookOutbox outbox, CaseManagement cases, NeedManagement needs, NeedEvidence evidence) {
        this.evidence = evidence;
        this.outbox = outbox;
        this.cases = cases;
        this.needs = needs;
    }

    @ApplicationModuleListener
    void on(CaseOpened event) {
        outbox.enqueue(WebhookEventType.CASE_OPENED, () -> {
            SupportCase opened = cases.get(event.caseId());
            Map<String, Object> data = caseData(opened);
            data.put("customerId", opened.customerId().toString());
            data.put("subject", opened.subject());
            data.put("status", opened.status().name());
            data.put("priority", opened.priority().name());
            data.put("tier", opened.tier().name());
            data.put("needId", opened.needId() == null ? null : opened.needId().toString());
            data.put("openedAt", opened.openedAt().toString());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(CaseStatusChanged event) {
        outbox.enqueue(WebhookEventType.CASE_STATUS_CHANGED, () -> {
            Map<String, Object> data = caseData(event.caseId());
            data.put("from", event.from().name());
            data.put("to", event.to().name());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(CaseEscalated event) {
        outbox.enqueue(WebhookEventType.CASE_ESCALATED, () -> {
            Map<String, Object> data = caseData(event.caseId());
            data.put("fromTier", event.from().name());
            data.put("toTier", event.to().name());
            data.put("reason", event.reason());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(CaseLinkedToNeed event) {
        outbox.enqueue(WebhookEventType.CASE_NEED_LINKED, () -> {
            Map<String, Object> data = caseData(event.caseId());
            data.put("needId", event.needId().toString());
            data.put("linkedBy", event.linkedBy());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(ContactRecorded event) {
        outbox.enqueue(WebhookEventType.CONTACT_RECORDED, () -> {
            Map<String, Object> data = caseData(event.caseId());
            data.put("contactId", event.contactId().toString());
            data.put("customerId", event.customerId().toString());
            data.put("channel", event.channel().name());
            data.put("direction", event.direction().name());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(NeedDefined event) {
        outbox.enqueue(WebhookEventType.NEED_DEFINED, () -> needData(event.needId()));
    }

    @ApplicationModuleListener
    void on(NeedStageChanged event) {
        outbox.enqueue(WebhookEventType.NEED_STAGE_CHANGED, () -> {
            Map<String, Object> data = needData(event.needId());
            data.put("from", event.from().name());
            data.put("to", event.to().name());
            return data;
        });
    }

    @ApplicationModuleListener
    void on(NeedMerged event) {
        outbox.enqueue(WebhookEventType.NEED_MERGED, () -> {
            Map<String, Object> data = needData(event.source());
            data.put("intoNeedId", event.target().toString());
            return data;
        });
    }

    /** The hand-off with the evidence summary engineering starts from, and where the full dataset is. */
    @ApplicationModuleListener
    void on(NeedHandedOff event) {
        outbox.enqueue(WebhookEventType.NEED_HANDED_OFF, () -> {
            Map<String, Object> data = needData(event.needId());
            Evidence e = evidence.of(event.needId());
            data.put("owner", event.owner());
            data.put("issueUrl", e.handoff() == null ? null : e.handoff().issueUrl());
            data.put("cases", e.cases());
            data.put("contacts", e.contacts());
            data.put("customers", e.customers());
            data.put("organizations", e.organizations());
            data.put("costMinutes", e.cost().minutes());
            data.put("repeatContacts", e.repeatContacts());
            data.put("overrepresented", e.significant().stream().limit(10).map(WebhookEvents::value).toList());
            data.put("testGaps", e.testGaps());
            String id = event.needId().toString();
            data.put("links", Map.of("evidence", "/needs/" + id + "/evidence",
                    "evidenceApi", "/api/v1/needs/" + id + "/evidence", "brief", "/needs/" + id + "/evidence.md"));
            return data;
        });
    }

    private static Map<String, Object> value(Overrepresentation o) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("key", o.key());
        v.put("label", o.fieldLabel());
        v.put("affectedShare", o.affectedShare());
        v.put("baseShare", o.baseShare());
        v.put("lift", o.lift());
        v.put("pValue", o.pValue());
        return v;
    }

    private Map<String, Object> caseData(CaseId caseId) {
        return caseData(cases.get(caseId));
    }

    private static Map<String, Object> caseData(SupportCase supportCase) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("caseId", supportCase.id().toString());
        data.put("reference", supportCase.reference());
        return data;
    }

    private Map<String, Object> needData(NeedId needId) {
        ServiceNeed need = needs.get(needId);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("needId", need.id().toString());
        data.put("key", need.key());
        data.put("title", need.title());
        data.put("stage", need.stage().name());
        return data;
    }
}

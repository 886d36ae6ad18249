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

    WebhookEvents(WebhookOutbox outbox, CaseManagement cases, NeedManagement needs) {
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

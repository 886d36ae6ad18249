package io.repdesk.need;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.journal.Journal;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** Defines service needs and moves them through the lifecycle. */
@Service
@Transactional(readOnly = true)
public class NeedManagement {

    private final Needs needs;
    private final Journal journal;
    private final ApplicationEventPublisher events;

    NeedManagement(Needs needs, Journal journal, ApplicationEventPublisher events) {
        this.needs = needs;
        this.journal = journal;
        this.events = events;
    }

    @Transactional
    public ServiceNeed define(NewNeed request) {
        return define(request, Instant.now());
    }

    /** Defines a need as of a given moment (imports and demo data keep their original dates). */
    @Transactional
    public ServiceNeed define(NewNeed request, Instant createdAt) {
        if (needs.keyTaken(request.key())) {
            throw new Conflict("A need with key " + request.key() + " already exists");
        }
        ServiceNeed need = new ServiceNeed(NeedId.random(), request.key(), request.title(), request.description(),
                LifecycleStage.RESPOND, request.demandClass(), request.workaround(), createdAt, createdAt, null);
        needs.insert(need);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("key", need.key());
        facts.put("title", need.title());
        facts.put("demandClass", need.demandClass());
        facts.put("createdAt", createdAt.toString());
        journal.append("need", need.id().value(), "NeedDefined", facts);
        events.publishEvent(new NeedDefined(need.id(), need.title()));
        return need;
    }

    @Transactional
    public ServiceNeed moveTo(NeedId id, LifecycleStage stage) {
        return moveTo(id, stage, null, Instant.now());
    }

    /**
     * Moves a need to another stage as of a moment, saying why; the journal keeps who moved it, when and why.
     *
     * @param reason what prompted the move ("article KB-3 published"), or null for a person's decision
     */
    @Transactional
    public ServiceNeed moveTo(NeedId id, LifecycleStage stage, @Nullable String reason, Instant at) {
        ServiceNeed need = get(id);
        if (need.stage() == stage) {
            return need;
        }
        needs.updateStage(id, stage, at);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("from", need.stage());
        facts.put("to", stage);
        facts.put("at", at.toString());
        if (reason != null) {
            facts.put("reason", reason);
        }
        journal.append("need", id.value(), "NeedStageChanged", facts);
        events.publishEvent(new NeedStageChanged(id, need.stage(), stage));
        return get(id);
    }

    /** Gives the need a demand class, saying why; the journal keeps who classified it and when. */
    @Transactional
    public ServiceNeed classify(NeedId id, DemandClass demandClass, String reason) {
        ServiceNeed need = get(id);
        if (need.demandClass() == demandClass) {
            return need;
        }
        needs.updateDemandClass(id, demandClass, Instant.now());
        journal.append("need", id.value(), "NeedClassified", Map.of("from", need.demandClass(), "to", demandClass,
                "reason", reason));
        return get(id);
    }

    /**
     * Publishes a workaround customers and agents can use while the cause is worked on; a need still in
     * Respond moves to Empower with it.
     *
     * @throws io.repdesk.shared.InvalidInput naming {@code workaround} when it is blank or too long
     */
    @Transactional
    public ServiceNeed publishWorkaround(NeedId id, @Nullable String workaround) {
        String text = workaround == null ? "" : workaround.strip();
        if (text.isEmpty() || text.length() > 5_000) {
            throw new io.repdesk.shared.InvalidInput("workaround", "must be 1 to 5000 characters");
        }
        ServiceNeed need = get(id);
        Instant at = Instant.now();
        needs.updateWorkaround(id, text, at);
        journal.append("need", id.value(), "NeedWorkaroundPublished", Map.of("workaround", text,
                "previousWorkaround", need.workaround() == null ? "" : need.workaround()));
        if (need.stage() == LifecycleStage.RESPOND) {
            moveTo(id, LifecycleStage.EMPOWER, "workaround published", at);
        }
        return get(id);
    }

    /**
     * Merges one need into another: the merged need is kept for history and points at the other; its
     * cases follow (casework listens to {@link NeedMerged}).
     */
    @Transactional
    public ServiceNeed merge(NeedId source, NeedId target) {
        if (source.equals(target)) {
            throw new io.repdesk.shared.InvalidInput("targetId", "must be another need than the one merged");
        }
        ServiceNeed merged = get(source);
        ServiceNeed into = get(target);
        if (merged.mergedInto() != null || into.mergedInto() != null) {
            throw new Conflict("A need that was merged away cannot take part in another merge");
        }
        needs.markMerged(source, target, Instant.now());
        journal.append("need", source.value(), "NeedMerged", Map.of("into", target.toString(), "title",
                merged.title(), "intoTitle", into.title()));
        events.publishEvent(new NeedMerged(source, target));
        return into;
    }

    public ServiceNeed get(NeedId id) {
        return needs.find(id).orElseThrow(() -> new NotFound("need", id));
    }

    public Optional<ServiceNeed> byKey(String key) {
        return needs.findByKey(key);
    }

    public boolean exists(NeedId id) {
        return needs.find(id).isPresent();
    }

    public Map<NeedId, ServiceNeed> getAll(List<NeedId> ids) {
        return needs.findAll(ids);
    }

    /** Every need, by title; the need catalogue is small enough (thousands) to hold in a page. */
    public List<ServiceNeed> all() {
        return needs.all();
    }

    public Page<ServiceNeed> list(NeedFilter filter, PageRequest page) {
        return needs.page(filter, page);
    }
}

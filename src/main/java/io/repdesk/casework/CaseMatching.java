package io.repdesk.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedMatcher;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Periodic;

/**
 * Works the matching queue: for each new inbound contact on a case without a need, asks the need
 * matcher, records its suggestions, and links the case when the match is sure. Requests are taken in
 * batches and leave the queue in the same transaction that records their outcomes; several workers and
 * nodes share the queue.
 */
@Component
class CaseMatching implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseMatching.class);

    /**
     * Matching queue settings.
     *
     * @param workers workers matching at once on this node; 0 means one per core
     * @param batch requests a worker claims and matches in one transaction
     */
    @ConfigurationProperties("repdesk.casework.matching")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("200ms") Duration pollInterval,
            int workers, @DefaultValue("32") int batch) {

        Settings {
            workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
            batch = Math.max(batch, 1);
        }
    }

    private final Matches matches;
    private final CaseManagement cases;
    private final NeedMatcher matcher;
    private final TransactionTemplate transaction;
    private final Settings settings;
    private final List<Periodic> workers = new java.util.ArrayList<>();

    CaseMatching(Matches matches, CaseManagement cases, NeedMatcher matcher, TransactionTemplate transaction,
            Settings settings) {
        this.matches = matches;
        this.cases = cases;
        this.matcher = matcher;
        this.transaction = transaction;
        this.settings = settings;
    }

    /**
     * Matches waiting requests, a batch per transaction, until none is left that this node can match yet;
     * returns how many requests it took from the queue.
     */
    int drain() {
        int total = 0;
        Integer taken;
        while ((taken = transaction.execute(status -> matchBatch())) != null && taken > 0) {
            total += taken;
        }
        return total;
    }

    /**
     * Claims up to a batch of requests, matches them and records the outcomes in one short transaction.
     * Only requests whose contact was recorded when the journal stood at or below what this node has learned
     * are claimed, so none waits for this node to learn the corrections made before it, and sustained
     * ingest elsewhere holds nothing up. Matching (which reads, and runs the model on the texts the index
     * has no vector for, together) happens before the first write to a case, so no case is locked while it
     * runs; the cases are then written in one order on every worker, so two workers never wait on each other
     * in a circle.
     */
    private int matchBatch() {
        List<Matches.Request> claimed = matches.claim(settings.batch(), matcher.learned());
        Map<CaseId, SupportCase> open = new HashMap<>();
        List<Matches.Request> wanted = new ArrayList<>();
        for (Matches.Request request : claimed) {
            SupportCase supportCase = open.containsKey(request.caseId()) ? open.get(request.caseId())
                    : cases.get(request.caseId());
            if (supportCase.needId() == null && supportCase.isOpen()) {
                open.put(supportCase.id(), supportCase);
                wanted.add(request);
            }
        }
        List<MatchResult> results = matcher.matchAll(wanted.stream()
                .map(r -> new NeedMatcher.Query(r.contactId(), r.text())).toList());
        Map<CaseId, List<Integer>> byCase = new TreeMap<>(Comparator.comparing(CaseId::value));
        for (int i = 0; i < wanted.size(); i++) {
            byCase.computeIfAbsent(wanted.get(i).caseId(), c -> new ArrayList<>()).add(i);
        }
        Instant now = Instant.now();
        byCase.forEach((caseId, requests) -> {
            // a case's requests in the order they came: once one links the case, the later ones are moot
            for (int i : requests) {
                MatchResult result = results.get(i);
                matches.record(caseId, result.candidates().stream()
                        .map(c -> new Suggestion(c.needId(), c.confidence())).toList(), result.newNeedScore(), now);
                if (result instanceof MatchResult.Matched matched) {
                    cases.linkAutomatically(caseId, matched.needId(), matched.confidence());
                    break;
                }
            }
        });
        return claimed.size();
    }

    private void work() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Matching failed; the requests stay queued and will be retried: {}", e.toString());
            log.debug("Matching failure", e);
        }
    }

    /** One worker per configured thread; they share the queue as other nodes' workers do. */
    @Override
    public synchronized void start() {
        if (!settings.enabled() || !workers.isEmpty()) {
            return;
        }
        for (int i = 0; i < settings.workers(); i++) {
            workers.add(Periodic.every("case-matching-" + i, Duration.ofMillis(500), settings.pollInterval(),
                    this::work));
        }
    }

    @Override
    public synchronized void stop() {
        workers.forEach(Periodic::close);
        workers.clear();
    }

    @Override
    public synchronized boolean isRunning() {
        return !workers.isEmpty();
    }
}

package io.repdesk.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedMatcher;
import io.repdesk.shared.Periodic;

/**
 * Works the matching queue: for each new inbound contact on a case without a need, asks the need
 * matcher, records its suggestions, and links the case when the match is sure. A request leaves the
 * queue in the same transaction that records its outcome; several nodes share the queue.
 */
@Component
class CaseMatching implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CaseMatching.class);
    /** How long one request waits for this node to learn what preceded it before it goes back to the queue. */
    private static final Duration LEARNING = Duration.ofSeconds(1);

    /**
     * Matching queue settings.
     *
     * @param workers requests matched at once on this node; 0 means one per core
     */
    @ConfigurationProperties("repdesk.casework.matching")
    record Settings(@DefaultValue("true") boolean enabled, @DefaultValue("200ms") Duration pollInterval,
            int workers) {

        Settings {
            workers = workers > 0 ? workers : Runtime.getRuntime().availableProcessors();
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

    /** Matches waiting requests until the queue is empty; returns how many were matched. */
    int drain() {
        int total = 0;
        while (Boolean.TRUE.equals(transaction.execute(this::matchOne))) {
            total++;
        }
        return total;
    }

    /**
     * Claims one request, matches it and records the outcome in one short transaction: matching (which
     * reads and waits) happens before the first write, so no lock is held while it runs. It waits only until
     * this node's index has learned the journal as it stood when the contact was recorded, not the journal's
     * head, so sustained ingest elsewhere does not hold it up.
     */
    private boolean matchOne(TransactionStatus status) {
        List<Matches.Request> claimed = matches.claim(1);
        if (claimed.isEmpty()) {
            return false;
        }
        Matches.Request request = claimed.getFirst();
        SupportCase supportCase = cases.get(request.caseId());
        if (supportCase.needId() != null || !supportCase.isOpen()) {
            return true;
        }
        if (!matcher.awaitLearned(request.learnedThrough(), LEARNING)) {
            // this node has not learned the corrections made before the contact yet: leave it queued
            status.setRollbackOnly();
            return false;
        }
        MatchResult result = matcher.match(request.contactId(), request.text(), request.learnedThrough());
        matches.record(supportCase.id(), result.candidates().stream()
                .map(c -> new Suggestion(c.needId(), c.confidence())).toList(), result.newNeedScore(), Instant.now());
        if (result instanceof MatchResult.Matched matched) {
            cases.linkAutomatically(supportCase.id(), matched.needId(), matched.confidence());
        }
        return true;
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

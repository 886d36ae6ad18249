package io.repdesk.need;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.cluster.ClusterJobs;
import io.repdesk.journal.Journal;
import io.repdesk.need.discovery.Discovery;
import io.repdesk.need.discovery.EmergingNeeds;
import io.repdesk.need.discovery.NeedClustering;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Periodic;

/**
 * Emerging needs: triage contacts that match no known need are clustered continuously (without being
 * told how many groups there are); a person promotes a group to a need in the customer's words, or
 * dismisses it. The clustering passes run on one node of the cluster at a time.
 */
@Service
public class NeedDiscovery implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(NeedDiscovery.class);

    private final Discovery discovery;
    private final EmergingNeeds store;
    private final NeedManagement needs;
    private final NeedMatcher matcher;
    private final Journal journal;
    private final long intervalSeconds;
    private final ClusterJobs clusterJobs;
    private Periodic passes;
    private volatile long lastPass;

    NeedDiscovery(Discovery discovery, EmergingNeeds store, NeedManagement needs, NeedMatcher matcher,
            Journal journal, @Value("${repdesk.need.discovery-interval-seconds:120}") long intervalSeconds,
            ClusterJobs cluster) {
        this.clusterJobs = cluster;
        this.discovery = discovery;
        this.store = store;
        this.needs = needs;
        this.matcher = matcher;
        this.journal = journal;
        this.intervalSeconds = intervalSeconds;
    }

    /** A promoted group: the new need and the cases to link to it. */
    public record Promoted(ServiceNeed need, List<CaseId> cases) {
    }

    /** Groups the vectors (unit length) without a given number of groups; one group id per vector. */
    public int[] cluster(List<float[]> vectors) {
        return NeedClustering.cluster(vectors);
    }

    /** The open emerging needs, fastest growing first. */
    public List<EmergingNeed> emerging() {
        return store.withStatus(EmergingNeed.Status.OPEN);
    }

    /** Clusters the current triage pool now (clustering runs before the short write at the end). */
    @Transactional
    public synchronized List<EmergingNeed> refresh() {
        return discovery.refresh(Instant.now());
    }

    /** Makes the group a service need titled in the customer's words; the caller links its cases. */
    @Transactional
    public Promoted promote(UUID emergingId, String title, String description) {
        EmergingNeed group = store.find(emergingId).orElseThrow(() -> new NotFound("emerging need", emergingId));
        if (group.status() != EmergingNeed.Status.OPEN) {
            throw new Conflict("That emerging need was already " + group.status().name().toLowerCase());
        }
        ServiceNeed need = needs.define(new NewNeed(NeedKeysFor.title(title), title, description,
                DemandClass.UNCLASSIFIED, null));
        store.save(group.withStatus(EmergingNeed.Status.PROMOTED, need.id()));
        journal.append("need", need.id().value(), "EmergingNeedPromoted", Map.of("emergingId", emergingId.toString(),
                "groupTitle", group.title(), "size", group.size()));
        return new Promoted(need, group.cases());
    }

    @Transactional
    public void dismiss(UUID emergingId) {
        EmergingNeed group = store.find(emergingId).orElseThrow(() -> new NotFound("emerging need", emergingId));
        store.save(group.withStatus(EmergingNeed.Status.DISMISSED, null));
        journal.append("emerging-need", emergingId, "EmergingNeedDismissed", Map.of("title", group.title()));
    }

    private void refreshSafely() {
        try {
            boolean due = lastPass == 0
                    || System.nanoTime() - lastPass >= TimeUnit.SECONDS.toNanos(intervalSeconds);
            if (due && matcher.awaitCurrent(Duration.ofSeconds(1))) {
                refresh();
                lastPass = System.nanoTime();
            }
        } catch (RuntimeException e) {
            log.warn("Discovery pass failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (intervalSeconds <= 0) {
            return;
        }
        // Checked often; a pass runs once the index has caught up and the interval has passed.
        passes = clusterJobs.every("need-discovery", Duration.ofSeconds(15), Duration.ofSeconds(15), this::refreshSafely);
    }

    @Override
    public void stop() {
        if (passes != null) {
            passes.close();
            passes = null;
        }
    }

    @Override
    public boolean isRunning() {
        return passes != null;
    }
}

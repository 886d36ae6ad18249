package io.repdesk.casework;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.repdesk.cluster.ClusterJobs;
import io.repdesk.shared.Periodic;

/**
 * Folds the changes kept by triggers into the counts read by the inbox, the needs catalogue and the SLA report,
 * every half minute, on one node of the cluster at a time: open cases per need (as cases open, close and move
 * between needs), and SLA outcomes per policy, day, team and target (as the SLA pass records them). Reading
 * either stays a few thousand rows however many cases change.
 */
@Component
class CountFolding implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(CountFolding.class);

    private final Cases cases;
    private final SlaManagement sla;
    private final ClusterJobs cluster;
    private @Nullable Periodic folding;

    CountFolding(Cases cases, SlaManagement sla, ClusterJobs cluster) {
        this.cases = cases;
        this.sla = sla;
        this.cluster = cluster;
    }

    void fold() {
        try {
            cases.foldOpenLoad();
        } catch (RuntimeException e) {
            log.warn("Folding the open cases per need failed; will retry: {}", e.toString());
        }
        try {
            sla.foldReportCounts();
        } catch (RuntimeException e) {
            log.warn("Folding the SLA outcome counts failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        folding = cluster.every("count-folding", INTERVAL, INTERVAL, this::fold);
    }

    @Override
    public void stop() {
        if (folding != null) {
            folding.close();
            folding = null;
        }
    }

    @Override
    public boolean isRunning() {
        return folding != null;
    }
}

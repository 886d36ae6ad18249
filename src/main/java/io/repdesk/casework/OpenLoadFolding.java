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
 * Folds the open-case changes per need (kept by a trigger as cases open, close and move between needs) into the
 * per-need totals every half minute, on one node of the cluster at a time, so that reading the open load stays a
 * few thousand rows however many cases change.
 */
@Component
class OpenLoadFolding implements SmartLifecycle {

    static final Duration INTERVAL = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(OpenLoadFolding.class);

    private final Cases cases;
    private final ClusterJobs cluster;
    private @Nullable Periodic folding;

    OpenLoadFolding(Cases cases, ClusterJobs cluster) {
        this.cases = cases;
        this.cluster = cluster;
    }

    void fold() {
        try {
            cases.foldOpenLoad();
        } catch (RuntimeException e) {
            log.warn("Folding the open cases per need failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        folding = cluster.every("open-load-folding", INTERVAL, INTERVAL, this::fold);
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

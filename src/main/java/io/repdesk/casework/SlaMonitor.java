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
 * Runs the SLA pass now and then ({@link SlaManagement#recompute}: the cases that changed or came due), so
 * warnings, breaches and the inbox stay current, then applies the mandatory escalation rules. Runs on one node of the cluster at a time.
 */
@Component
class SlaMonitor implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SlaMonitor.class);

    private final SlaManagement sla;
    private final EscalationManagement escalations;
    private final CaseworkSettings settings;
    private final ClusterJobs cluster;
    private @Nullable Periodic monitor;

    SlaMonitor(SlaManagement sla, EscalationManagement escalations, CaseworkSettings settings, ClusterJobs cluster) {
        this.sla = sla;
        this.escalations = escalations;
        this.settings = settings;
        this.cluster = cluster;
    }

    private void pass() {
        try {
            SlaManagement.Recomputed result = sla.recompute();
            if (result.newBreaches() > 0) {
                log.info("SLA clocks of {} cases evaluated{}: {} at risk, {} breached, {} new breaches",
                        result.cases(), result.full() ? " (every open case)" : "", result.atRisk(), result.breached(),
                        result.newBreaches());
            }
            int moved = escalations.evaluate();
            if (moved > 0) {
                log.info("Escalation rules moved {} cases up", moved);
            }
        } catch (RuntimeException e) {
            log.warn("Recomputing SLA clocks failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (settings.slaInterval().isPositive()) {
            monitor = cluster.every("sla-monitor", Duration.ofSeconds(5), settings.slaInterval(), this::pass);
        }
    }

    @Override
    public void stop() {
        if (monitor != null) {
            monitor.close();
            monitor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return monitor != null;
    }
}

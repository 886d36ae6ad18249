package io.repdesk.cluster;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import io.repdesk.shared.Periodic;

/**
 * Runs jobs that must run on one node at a time across every repdesk node sharing the database. Each job has a
 * lease in PostgreSQL; the node holding it runs the job and renews the lease every third of its time to live,
 * the others keep asking and take it over once it has expired (a killed node's jobs move within the time to
 * live) or was given up (a node shutting down gives its leases up at once). A node trusts its lease only for the
 * time to live counted from before the renewal it last saw succeed, so a node that cannot reach the database
 * stops running the job before another may start it.
 */
@Service
public class ClusterJobs implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ClusterJobs.class);

    private final JobLeases leases;
    private final ClusterSettings settings;
    private final Set<String> jobs = ConcurrentHashMap.newKeySet();
    /** For each job this node holds: {@link System#nanoTime()} before the renewal that last succeeded. */
    private final Map<String, Long> heldSince = new ConcurrentHashMap<>();
    private @Nullable Periodic heartbeat;

    ClusterJobs(JobLeases leases, ClusterSettings settings) {
        this.leases = leases;
        this.settings = settings;
    }

    /**
     * Schedules {@code task} like {@link Periodic#every}, but each run happens only on the node that holds the
     * job's lease. Closing the returned schedule gives the lease up.
     */
    public Periodic every(String job, Duration initialDelay, Duration delay, Runnable task) {
        jobs.add(job);
        return Periodic.every(job, initialDelay, delay, () -> {
            if (holds(job)) {
                task.run();
                ran(job);
            }
        }, () -> leave(job));
    }

    /**
     * Whether this node holds the job's lease now (asking for it if not); a job that runs on its own threads
     * (such as reading a mailbox) checks this to start or stop. {@link #leave} gives it up.
     */
    public boolean holds(String job) {
        jobs.add(job);
        Long since = heldSince.get(job);
        if (since != null && System.nanoTime() - since < settings.leaseTtl().toNanos()) {
            return true;
        }
        return renew(job);
    }

    /** This node no longer runs the job: it stops asking and gives the lease up. */
    public void leave(String job) {
        jobs.remove(job);
        if (heldSince.remove(job) != null) {
            try {
                leases.release(job, settings.node());
            } catch (RuntimeException e) {
                log.debug("Could not give up the lease of {}; it expires on its own: {}", job, e.toString());
            }
        }
    }

    /** This node's name in the lease table. */
    public String node() {
        return settings.node();
    }

    /** The node holding the job's lease now, if any. */
    public Optional<String> holder(String job) {
        return leases.holder(job);
    }

    private synchronized boolean renew(String job) {
        long before = System.nanoTime();
        boolean held;
        try {
            held = leases.hold(job, settings.node(), settings.leaseTtl());
        } catch (RuntimeException e) {
            log.warn("Could not renew the lease of {}; not running it until renewed: {}", job, e.toString());
            held = false;
        }
        Long previous = held ? heldSince.put(job, before) : heldSince.remove(job);
        if (held && previous == null) {
            log.info("This node ({}) now runs {}", settings.node(), job);
        } else if (!held && previous != null) {
            log.info("This node ({}) no longer runs {}", settings.node(), job);
        }
        return held;
    }

    private void ran(String job) {
        try {
            leases.ran(job, settings.node());
        } catch (RuntimeException e) {
            log.debug("Could not count a run of {}: {}", job, e.toString());
        }
    }

    @Override
    public synchronized void start() {
        if (heartbeat == null) {
            Duration every = settings.leaseTtl().dividedBy(3);
            heartbeat = Periodic.every("cluster-leases", every, every, () -> jobs.forEach(this::renew));
        }
    }

    @Override
    public synchronized void stop() {
        if (heartbeat != null) {
            heartbeat.close();
            heartbeat = null;
        }
        Set.copyOf(jobs).forEach(this::leave);
    }

    @Override
    public synchronized boolean isRunning() {
        return heartbeat != null;
    }

    /** Starts before the jobs that ask it for leases and stops after them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2000;
    }
}

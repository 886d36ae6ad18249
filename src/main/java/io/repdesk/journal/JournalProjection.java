package io.repdesk.journal;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import io.repdesk.shared.Periodic;

/**
 * A read model fed from the journal: while the node runs it applies the entries after its stored position, batch by
 * batch, every poll interval; a failure is logged and the next poll tries again. The subclass stores the position
 * and applies a batch (locking its position row, so that one node at a time applies each batch).
 */
public abstract class JournalProjection implements SmartLifecycle {

    private final Logger log = LoggerFactory.getLogger(getClass());
    private final String name;
    private final String description;
    private @Nullable Periodic tailing;

    /**
     * @param name the tailing thread's name
     * @param description what the projection keeps, as a log line starts ("Insight rollups")
     */
    protected JournalProjection(String name, String description) {
        this.name = name;
        this.description = description;
    }

    /** How often this node tails the journal; zero: it does not (benchmarks and tests drive it). */
    protected abstract Duration interval();

    /** Applies the next batch after the position in one transaction; returns how many entries it held. */
    protected abstract int applyNextBatch();

    /** The last journal sequence the projection includes. */
    public abstract long position();

    /** Applies every journal entry not applied yet; returns the position reached. */
    public long catchUp() {
        while (applyNextBatch() > 0) {
            // keep going while there is a backlog
        }
        return position();
    }

    @Override
    public void start() {
        if (interval().isPositive()) {
            tailing = Periodic.every(name, Duration.ofSeconds(1), interval(), this::tailSafely);
        }
    }

    @Override
    public void stop() {
        if (tailing != null) {
            tailing.close();
            tailing = null;
        }
    }

    @Override
    public boolean isRunning() {
        return tailing != null;
    }

    private void tailSafely() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            log.warn("{} could not apply the journal; will retry: {}", description, e.toString());
            log.debug(description + " failure", e);
        }
    }
}

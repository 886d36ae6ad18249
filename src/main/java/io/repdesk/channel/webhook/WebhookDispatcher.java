package io.repdesk.channel.webhook;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import io.repdesk.shared.Periodic;

/**
 * Sends due webhook deliveries: claims a batch, sends each on a virtual thread, records the answers, and
 * repeats until nothing is due. Runs every {@code repdesk.channel.webhook.dispatch-interval} on each node;
 * the claims keep nodes from sending one delivery twice at the same time.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** Added to the timeouts to get a claim's lease: a claim outlives any attempt made under it. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(60);

    /** Enough rounds to empty a backlog in one pass without starving shutdown. */
    private static final int MAX_ROUNDS = 50;

    private static final Duration PRUNE_EVERY = Duration.ofHours(1);

    private final Deliveries deliveries;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Clock clock;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private @Nullable Periodic schedule;
    private @Nullable Instant lastPrune;

    WebhookDispatcher(Deliveries deliveries, WebhookSender sender, WebhookSettings settings, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** Sends every delivery due now; returns how many attempts were made. */
    public synchronized int dispatchDue() {
        int attempts = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Instant now = clock.instant();
            Instant leaseUntil = now.plus(settings.connectTimeout()).plus(settings.requestTimeout()).plus(LEASE_MARGIN);
            List<Deliveries.Claimed> claimed = deliveries.claimDue(now, leaseUntil, settings.batchSize());
            if (claimed.isEmpty()) {
                break;
            }
            try (ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor()) {
                claimed.forEach(c -> sending.submit(() -> attempt(c)));
            }
            attempts += claimed.size();
        }
        return attempts;
    }

    private void attempt(Deliveries.Claimed claimed) {
        Delivery delivery = claimed.delivery();
        WebhookSender.Attempt outcome = sender.send(delivery, claimed.targetUrl(), claimed.secret(), clock.instant());
        Instant at = clock.instant();
        if (outcome instanceof WebhookSender.Attempt.Answered answered && answered.accepted()) {
            deliveries.delivered(delivery.id(), claimed.claim(), at, answered.status());
            return;
        }
        Integer status = outcome instanceof WebhookSender.Attempt.Answered a ? a.status() : null;
        String error = switch (outcome) {
            case WebhookSender.Attempt.Answered a -> "HTTP " + a.status()
                    + (a.answerStart().isBlank() ? "" : ": " + a.answerStart().strip());
            case WebhookSender.Attempt.Unreachable u -> u.error();
        };
        Instant next = RetrySchedule.after(delivery.attempts() + 1, random).map(at::plus).orElse(null);
        deliveries.failed(delivery.id(), claimed.claim(), at, status, error, next);
        if (next == null) {
            log.warn("Webhook delivery {} to {} failed for good after {} attempts: {}", delivery.id(),
                    claimed.targetUrl(), delivery.attempts() + 1, error);
        }
    }

    /** Deletes deliveries that finished longer ago than the retention; returns how many. */
    public int prune() {
        return deliveries.deleteFinishedBefore(clock.instant().minus(settings.retention()));
    }

    private void pass() {
        try {
            dispatchDue();
            Instant now = clock.instant();
            if (lastPrune == null || !now.isBefore(lastPrune.plus(PRUNE_EVERY))) {
                lastPrune = now;
                prune();
            }
        } catch (RuntimeException e) {
            log.warn("Dispatching webhook deliveries failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (settings.dispatchInterval().isPositive()) {
            schedule = Periodic.every("webhook-dispatcher", settings.dispatchInterval(), settings.dispatchInterval(),
                    this::pass);
        }
    }

    @Override
    public void stop() {
        if (schedule != null) {
            schedule.close();
            schedule = null;
        }
    }

    @Override
    public boolean isRunning() {
        return schedule != null;
    }
}

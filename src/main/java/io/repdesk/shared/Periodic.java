package io.repdesk.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A task run on its own daemon thread with a fixed delay between runs, until closed. */
public final class Periodic implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final Runnable afterClose;

    private Periodic(ScheduledExecutorService executor, Runnable afterClose) {
        this.executor = executor;
        this.afterClose = afterClose;
    }

    public static Periodic every(String threadName, Duration initialDelay, Duration delay, Runnable task) {
        return every(threadName, initialDelay, delay, task, () -> {
        });
    }

    /** As {@link #every(String, Duration, Duration, Runnable)}, and runs {@code afterClose} once closed. */
    public static Periodic every(String threadName, Duration initialDelay, Duration delay, Runnable task,
            Runnable afterClose) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(threadName).daemon().factory());
        executor.scheduleWithFixedDelay(task, initialDelay.toMillis(), delay.toMillis(), TimeUnit.MILLISECONDS);
        return new Periodic(executor, afterClose);
    }

    /** Stops scheduling and waits (up to 30 s) for a run in progress to finish. */
    @Override
    public void close() {
        if (executor.isShutdown()) {
            return;
        }
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        afterClose.run();
    }
}

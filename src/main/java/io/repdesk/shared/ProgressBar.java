package io.repdesk.shared;

import java.io.PrintStream;
import java.time.Duration;

/** A one-line text progress bar for commands, redrawn in place: bar, percentage, count, rate and time left. */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final String label;
    private final long total;
    private final long started = System.nanoTime();
    private long lastDrawn;
    private long base;

    public ProgressBar(PrintStream out, String label, long total) {
        this.out = out;
        this.label = label;
        this.total = Math.max(total, 1);
    }

    /**
     * Counts the rate and time left from {@code done} on: for work resumed part-way (the items done before this
     * run would otherwise count as done in its first second).
     */
    public ProgressBar resumingAt(long done) {
        base = done;
        return this;
    }

    public void update(long done) {
        long now = System.nanoTime();
        if (now - lastDrawn < 200_000_000L && done < total) {
            return;
        }
        lastDrawn = now;
        out.print("\r" + line(done, Duration.ofNanos(now - started)));
        out.flush();
    }

    public void done() {
        update(total);
        out.println();
    }

    String line(long done, Duration elapsed) {
        double fraction = Math.min(1.0, (double) done / total);
        int filled = (int) Math.round(fraction * WIDTH);
        double seconds = Math.max(elapsed.toMillis() / 1000.0, 0.001);
        double rate = Math.max(0, done - base) / seconds;
        String left = rate > 0 && done < total ? duration(Duration.ofSeconds((long) ((total - done) / rate))) : "0s";
        return String.format("%s [%s%s] %3d%% %,d/%,d  %,.0f/s  %s left", label, "#".repeat(filled),
                " ".repeat(WIDTH - filled), Math.round(fraction * 100), Math.min(done, total), total, rate, left);
    }

    public static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? (s / 60) + "m" + (s % 60) + "s" : s + "." + (d.toMillisPart() / 100) + "s";
    }
}

package io.repdesk.eval;

import java.io.PrintStream;
import java.time.Clock;
import java.time.LocalDate;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.repdesk.insight.Dashboards;
import io.repdesk.insight.InsightFilter;
import io.repdesk.insight.RollupProjector;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk bench insight}: writes a synthetic history of N contacts and E journal entries in all, lets the
 * rollup projector apply it, and times each dashboard's server work (p50/p99, the medians of three rounds) over the
 * last 12 weeks and the last year, and one customer's page.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-insight")
class InsightBenchmark implements ApplicationRunner {

    private static final int WARMUP = 5;
    private static final int RUNS = 50;
    private static final int ROUNDS = 3;

    private final SyntheticJournal journal;
    private final RollupProjector projector;
    private final Dashboards dashboards;
    private final Clock clock;
    private final int contacts;
    private final long events;
    private final int needs;
    private final PrintStream out = System.out;

    InsightBenchmark(SyntheticJournal journal, RollupProjector projector, Dashboards dashboards, Clock clock,
            @Value("${repdesk.eval.contacts:1000000}") int contacts, @Value("${repdesk.eval.events:0}") long events,
            @Value("${repdesk.eval.needs:10000}") int needs) {
        this.journal = journal;
        this.projector = projector;
        this.dashboards = dashboards;
        this.clock = clock;
        this.contacts = Math.max(contacts, 10);
        this.events = events > 0 ? events : 10L * this.contacts;
        this.needs = Math.max(needs, 1);
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = journal.entries();
        long written;
        double writeSeconds = 0;
        double projectSeconds = 0;
        SyntheticJournal.Size size = size();
        if (existing > 0) {
            // A database kept by an earlier run (--keep DIR): its journal and rollups are timed as they are.
            written = existing;
            out.printf(Locale.ROOT, "The kept database holds %,d journal entries, applied to the rollups up to %,d: "
                    + "timing the dashboards on it%n", existing, projector.position());
        } else {
            out.printf(Locale.ROOT, "Writing %,d organizations, %,d customers, %,d needs, %,d cases, %,d contacts, "
                    + "%,d more case events, survey answers for a tenth of the cases and feedback marks on a fiftieth of "
                    + "the contacts to the journal%n", size.organizations(), size.customers(), size.needs(), size.cases(),
                    size.contacts(), size.caseEvents());
            long start = System.nanoTime();
            journal.organizations(size);
            journal.customers(size);
            journal.needs(size);
            journal.cases(size);
            int slices = Math.max(1, Math.min(100, size.contacts() / 10_000));
            ProgressBar writing = new ProgressBar(out, "Journal", slices);
            for (int slice = 0; slice < slices; slice++) {
                journal.work(size, slice, slices);
                writing.update(slice + 1L);
            }
            writing.done();
            journal.surveys(size);
            journal.marks(size);
            journal.lateLinks(size);
            written = journal.entries();
            writeSeconds = seconds(start);
            out.printf(Locale.ROOT, "Journal: %,d entries written in %.1f s%n", written, writeSeconds);
            start = System.nanoTime();
            ProgressBar progress = new ProgressBar(out, "Rollups", written);
            projector.rebuild(progress::update);
            progress.done();
            projectSeconds = seconds(start);
            out.printf(Locale.ROOT, "Rollups: %,d entries applied in %.1f s (%,.0f entries/s)%n", written, projectSeconds,
                    written / projectSeconds);
        }
        long start = System.nanoTime();
        projector.vacuum();
        out.printf(Locale.ROOT, "Vacuumed and analysed the rollup tables in %.1f s (as autovacuum would after a "
                + "rebuild)%n", seconds(start));
        LocalDate today = LocalDate.now(clock);
        Map<String, InsightFilter> ranges = Map.of("12 weeks", new InsightFilter(today.minusDays(83), today, null, null,
                null), "1 year", new InsightFilter(today.minusDays(364), today, null, null, null));
        CustomerId customer = new CustomerId(md5Uuid("customer1"));
        Map<String, Supplier<?>> timed = new LinkedHashMap<>();
        for (String range : List.of("12 weeks", "1 year")) {
            InsightFilter filter = ranges.get(range);
            timed.put("assembly-line (" + range + ")", () -> dashboards.assemblyLine(filter));
            timed.put("demand (" + range + ")", () -> dashboards.demand(filter));
            timed.put("customers (" + range + ")", () -> dashboards.peers(filter));
            timed.put("teams (" + range + ")", () -> List.of(dashboards.teamMetrics(filter),
                    dashboards.satisfaction(filter)));
            timed.put("listening-post (" + range + ")", () -> dashboards.listening(filter));
        }
        timed.put("customer-360 (all time)", () -> dashboards.customer(customer));
        Map<String, double[][]> rounds = new LinkedHashMap<>();
        timed.keySet().forEach(name -> rounds.put(name, new double[ROUNDS][]));
        for (int round = 0; round < ROUNDS; round++) {
            for (Map.Entry<String, Supplier<?>> dashboard : timed.entrySet()) {
                rounds.get(dashboard.getKey())[round] = time(dashboard.getValue());
            }
        }
        for (Map.Entry<String, Supplier<?>> dashboard : timed.entrySet()) {
            double[][] measured = rounds.get(dashboard.getKey());
            out.printf(Locale.ROOT, "Dashboard %s: p50=%.1f ms p99=%.1f ms (medians of %d rounds of %d runs; "
                    + "p99 per round %s) rows=%d%n", dashboard.getKey(), median(measured, 0), median(measured, 1),
                    ROUNDS, RUNS, java.util.Arrays.stream(measured).map(m -> String.format(Locale.ROOT, "%.1f", m[1]))
                            .toList(), rows(dashboard.getValue().get()));
        }
        out.printf(Locale.ROOT, "bench insight contacts=%d entries=%d write_s=%.1f project_s=%.1f entries_per_s=%.0f%n",
                size.contacts(), written, writeSeconds, projectSeconds, projectSeconds == 0 ? 0 : written / projectSeconds);
    }

    /** The p50 and p99 of one round of timed runs, after a warm-up. */
    private static double[] time(Supplier<?> query) {
        for (int i = 0; i < WARMUP; i++) {
            query.get();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        java.util.Arrays.sort(millis);
        return new double[] { millis[RUNS / 2], millis[(int) Math.ceil(RUNS * 0.99) - 1] };
    }

    private static double median(double[][] rounds, int figure) {
        double[] values = java.util.Arrays.stream(rounds).mapToDouble(r -> r[figure]).sorted().toArray();
        return values[values.length / 2];
    }

    /** The rows a dashboard shows: every list in its answer, counted, nested answers included. */
    private static long rows(Object answer) {
        if (answer instanceof Collection<?> list) {
            return list.stream().mapToLong(item -> item instanceof Record ? Math.max(1, rows(item)) : 1).sum();
        }
        if (answer instanceof Record record) {
            long rows = 0;
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                try {
                    Object value = component.getAccessor().invoke(record);
                    if (value instanceof Collection<?> || value instanceof Record) {
                        rows += rows(value);
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Could not read " + component.getName(), e);
                }
            }
            return rows;
        }
        return 0;
    }

    private SyntheticJournal.Size size() {
        int customers = Math.max(10, Math.min(100_000, contacts / 10));
        int cases = Math.max(1, contacts / 3);
        long fixed = customers / 20 + customers + needs + needs / 3 + needs / 9 + needs / 27 + cases + contacts
                + cases / 5 + cases / 10 + contacts / 50;
        return new SyntheticJournal.Size(Math.max(1, customers / 20), customers, needs, cases, contacts,
                Math.max(0, events - fixed));
    }

    /** The id {@code md5('customer1')::uuid} gives in PostgreSQL. */
    private static java.util.UUID md5Uuid(String text) {
        try {
            String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return java.util.UUID.fromString(hex.replaceFirst("(.{8})(.{4})(.{4})(.{4})(.{12})", "$1-$2-$3-$4-$5"));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required by the Java platform", e);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}

package io.repdesk.eval;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.need.DemandClass;
import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.NewNeed;
import io.repdesk.search.BulkIndex;
import io.repdesk.search.ContactIndex;
import io.repdesk.search.Embedder;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk bench matching}: defines synthetic needs, fills the index with synthetic confirmed
 * contacts (once per data directory; later runs reuse them), then times the real matcher on new
 * contacts, embedding included: latency one at a time, and throughput with one thread per core.
 * <p>
 * Need titles are embedded by the model. Stored contacts get the vector of their need's title plus
 * isotropic noise (cosine about 0.8 to the title), since embedding a million texts on two cores would
 * take most of an hour; the contacts being matched are real texts embedded at match time.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-matching")
class MatchingBenchmark implements ApplicationRunner {

    private static final long SEED = 2026;
    private static final double SKEW = 0.9;
    /** Per-dimension noise on a stored contact's vector: cosine to its need's title about 0.8. */
    private static final double NOISE = 0.038;
    private static final double UNLINKED_SHARE = 0.05;
    private static final int BATCH = 1_000;
    private static final int WARM_UP = 300;
    private static final String CORPUS = "bench-matching-corpus.txt";
    /** Neighbours the matcher asks the index for (see NeedMatcher). */
    private static final int NEIGHBOURS = 40;
    /**
     * Throughput callers per core: contacts arrive concurrently, as the matching queue's workers and the
     * index's feeder present them, so the embedder can run several texts at once.
     */
    private static final int CALLERS_PER_CORE = 8;

    private final NeedManagement needManagement;
    private final NeedMatcher matcher;
    private final Embedder embedder;
    private final BulkIndex index;
    private final ContactIndex contacts;
    private final TransactionTemplate transaction;
    private final Path dataDir;
    private final int needCount;
    private final int contactCount;
    private final int queries;
    private final int threads;
    private final int callers;
    /** Process CPU time per contact in the throughput phase. */
    private double cpuMillis = Double.NaN;
    private final PrintStream out = System.out;

    MatchingBenchmark(NeedManagement needManagement, NeedMatcher matcher, Embedder embedder, BulkIndex index,
            ContactIndex contacts, TransactionTemplate transaction, @Value("${repdesk.db.data-dir}") Path dataDir,
            @Value("${repdesk.eval.needs:10000}") int needCount,
            @Value("${repdesk.eval.contacts:1000000}") int contactCount,
            @Value("${repdesk.eval.queries:2000}") int queries, @Value("${repdesk.eval.threads:0}") int threads,
            @Value("${repdesk.eval.callers:0}") int callers) {
        this.needManagement = needManagement;
        this.matcher = matcher;
        this.embedder = embedder;
        this.index = index;
        this.contacts = contacts;
        this.transaction = transaction;
        this.dataDir = dataDir;
        this.needCount = needCount;
        this.contactCount = contactCount;
        this.queries = queries;
        this.threads = threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        this.callers = callers > 0 ? callers : CALLERS_PER_CORE * this.threads;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        if (!embedder.available()) {
            throw new IllegalStateException("bench matching needs the embedding model, and it did not load");
        }
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("benchmark", null, List.of()));
        SyntheticDemand demand = new SyntheticDemand(needCount, SKEW, SEED);
        List<NeedId> needIds = corpus(demand);
        long started = System.nanoTime();
        long confirmed = index.relearn();
        matcher.consolidate();
        out.printf(Locale.ROOT, "Learned %,d confirmed contacts over %,d needs in %s%n", confirmed, needIds.size(),
                ProgressBar.duration(Duration.ofNanos(System.nanoTime() - started)));

        Random random = new Random(SEED + 1);
        for (int i = 0; i < WARM_UP; i++) {
            matcher.match(demand.question(demand.drawNeed(random), random) + " (warm-up " + i + ")");
        }
        List<Double> millis = new ArrayList<>(queries);
        int correct = 0;
        ProgressBar bar = new ProgressBar(out, "Matching one at a time", queries);
        for (int i = 0; i < queries; i++) {
            int need = demand.drawNeed(random);
            String text = demand.question(need, random) + " Ref " + i;
            long t0 = System.nanoTime();
            MatchResult result = matcher.match(text);
            millis.add((System.nanoTime() - t0) / 1e6);
            if (!result.candidates().isEmpty() && result.candidates().getFirst().needId().equals(needIds.get(need))) {
                correct++;
            }
            bar.update(i + 1);
        }
        bar.done();
        split(demand);
        double perSecond = throughput(demand);
        long indexBytes = index.bytesOnDisk();
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long maxHeap = Runtime.getRuntime().maxMemory();
        out.printf(Locale.ROOT, "Heap used after a full collection: %,d MiB of %,d MiB allowed%n", heap >> 20,
                maxHeap >> 20);
        out.println(String.format(Locale.ROOT,
                "bench matching needs=%d contacts=%d queries=%d p50_ms=%.2f p99_ms=%.2f contacts_per_s=%.0f threads=%d "
                        + "callers=%d cpu_ms=%.2f index_mb=%d heap_mb=%d top1=%s",
                needIds.size(), contactCount, queries, Metrics.percentile(millis, 50), Metrics.percentile(millis, 99),
                perSecond, threads, callers, cpuMillis, indexBytes >> 20, heap >> 20,
                Metrics.format(queries == 0 ? Double.NaN : (double) correct / queries)));
    }

    /** Where a match's time goes: embedding the text, and matching its vector. */
    private void split(SyntheticDemand demand) {
        Random random = new Random(SEED + 3);
        List<Double> embedding = new ArrayList<>();
        List<Double> matching = new ArrayList<>();
        List<Double> searching = new ArrayList<>();
        for (int i = 0; i < Math.min(queries, 1_000); i++) {
            String text = demand.question(demand.drawNeed(random), random) + " Split " + i;
            long t0 = System.nanoTime();
            float[] vector = embedder.embed(text);
            long t1 = System.nanoTime();
            matcher.match(vector);
            long t2 = System.nanoTime();
            contacts.neighbours(vector, NEIGHBOURS);
            long t3 = System.nanoTime();
            embedding.add((t1 - t0) / 1e6);
            matching.add((t2 - t1) / 1e6);
            searching.add((t3 - t2) / 1e6);
        }
        out.printf(Locale.ROOT, "Of which: embedding p50 %.2f ms p99 %.2f ms; matching the vector p50 %.2f ms p99 %.2f ms"
                + " (its nearest-neighbour search alone p50 %.2f ms p99 %.2f ms)%n",
                Metrics.percentile(embedding, 50), Metrics.percentile(embedding, 99),
                Metrics.percentile(matching, 50), Metrics.percentile(matching, 99),
                Metrics.percentile(searching, 50), Metrics.percentile(searching, 99));
    }

    /** Contacts matched per second by concurrent callers, each matching new texts back to back. */
    private double throughput(SyntheticDemand demand) throws Exception {
        int total = Math.max(queries * 2, callers * 200);
        List<String> texts = new ArrayList<>(total);
        Random random = new Random(SEED + 2);
        for (int i = 0; i < total; i++) {
            texts.add(demand.question(demand.drawNeed(random), random) + " Case " + i);
        }
        AtomicInteger next = new AtomicInteger();
        ProgressBar bar = new ProgressBar(out, "Matching with " + callers + " callers", total);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < callers; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                        matcher.match(texts.get(i));
                    }
                }));
            }
            awaitAll(workers, () -> Math.min(next.get(), total), bar);
            double seconds = (System.nanoTime() - t0) / 1e9;
            cpuMillis = (processCpuNanos() - cpu0) / 1e6 / total;
            bar.done();
            // CPU per contact tells what the cores could do alone when other work shares the machine.
            out.printf(Locale.ROOT, "CPU time per contact %.2f ms (this process, all threads): %d cores alone would"
                    + " match about %.0f contacts/s%n", cpuMillis, threads, threads * 1000 / cpuMillis);
            return total / seconds;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The needs and the indexed contacts: made now, or found from an earlier run on this data directory. */
    private List<NeedId> corpus(SyntheticDemand demand) throws Exception {
        Path marker = dataDir.resolve(CORPUS);
        String signature = "needs=" + needCount + " contacts=" + contactCount + " seed=" + SEED + " vectors="
                + index.vectorFormat();
        if (Files.isReadable(marker)) {
            List<String> lines = Files.readAllLines(marker);
            if (!lines.isEmpty() && lines.getFirst().equals(signature)) {
                if (contacts.size() < contactCount) {
                    throw new IllegalStateException("The index in " + dataDir + " no longer holds the synthetic corpus"
                            + " (it was rebuilt, e.g. for another embedding model); delete the directory and run again");
                }
                out.println("Reusing the synthetic corpus in " + dataDir + " (" + signature + ")");
                return lines.subList(1, lines.size()).stream().map(s -> new NeedId(UUID.fromString(s))).toList();
            }
            throw new IllegalStateException(dataDir + " holds a corpus made with other settings ("
                    + (lines.isEmpty() ? "?" : lines.getFirst()) + "); use another --data directory");
        }
        out.printf(Locale.ROOT, "Making a synthetic corpus: %,d needs, %,d contacts (once per data directory)%n",
                needCount, contactCount);
        List<String> titles = demand.titles();
        List<float[]> centres = embedTitles(titles);
        List<NeedId> needIds = defineNeeds(titles);
        long t0 = System.nanoTime();
        indexContacts(demand, needIds, centres);
        out.println("Merging the index into one segment…");
        long t1 = System.nanoTime();
        index.finish();
        long t2 = System.nanoTime();
        out.printf(Locale.ROOT, "Indexed in %s, merged in %s%n", ProgressBar.duration(Duration.ofNanos(t1 - t0)),
                ProgressBar.duration(Duration.ofNanos(t2 - t1)));
        List<String> lines = new ArrayList<>();
        lines.add(signature);
        needIds.forEach(id -> lines.add(id.value().toString()));
        Files.write(marker, lines);
        return needIds;
    }

    private List<float[]> embedTitles(List<String> titles) {
        List<float[]> centres = new ArrayList<>(titles.size());
        ProgressBar bar = new ProgressBar(out, "Embedding need titles", titles.size());
        for (int from = 0; from < titles.size(); from += 256) {
            centres.addAll(embedder.embed(titles.subList(from, Math.min(from + 256, titles.size()))));
            bar.update(centres.size());
        }
        bar.done();
        return centres;
    }

    private List<NeedId> defineNeeds(List<String> titles) {
        List<NeedId> ids = new ArrayList<>(titles.size());
        ProgressBar bar = new ProgressBar(out, "Defining needs", titles.size());
        for (int from = 0; from < titles.size(); from += 500) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 500, titles.size()); i++) {
                    ids.add(needManagement.define(new NewNeed(String.format(Locale.ROOT, "bench-%05d", i),
                            titles.get(i), "", DemandClass.UNCLASSIFIED, null)).id());
                }
            });
            bar.update(ids.size());
        }
        bar.done();
        return ids;
    }

    private void indexContacts(SyntheticDemand demand, List<NeedId> needIds, List<float[]> centres) throws Exception {
        int batches = (contactCount + BATCH - 1) / BATCH;
        AtomicLong done = new AtomicLong();
        Instant now = Instant.now();
        ProgressBar bar = new ProgressBar(out, "Indexing contacts", contactCount);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                int batch = b;
                work.add(pool.submit(() -> {
                    Random random = new Random(SEED * 1_000_003 + batch);
                    int size = Math.min(BATCH, contactCount - batch * BATCH);
                    List<BulkIndex.Entry> entries = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        int need = demand.drawNeed(random);
                        boolean linked = random.nextDouble() >= UNLINKED_SHARE;
                        entries.add(new BulkIndex.Entry(new ContactId(uuid(random)), new CaseId(uuid(random)),
                                new CustomerId(new UUID(0, random.nextInt(100_000))),
                                now.minusSeconds(random.nextInt(365 * 86_400)), demand.contactText(need, random),
                                noisy(centres.get(need), random), linked ? needIds.get(need) : null, linked));
                    }
                    index.add(entries);
                    done.addAndGet(size);
                }));
            }
            awaitAll(work, done::get, bar);
            bar.done();
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for every task, redrawing the bar while it waits; a failed task fails the benchmark at once. */
    private static void awaitAll(List<Future<?>> tasks, java.util.function.LongSupplier progress, ProgressBar bar)
            throws Exception {
        for (Future<?> task : tasks) {
            while (true) {
                try {
                    task.get(250, java.util.concurrent.TimeUnit.MILLISECONDS);
                    break;
                } catch (java.util.concurrent.TimeoutException stillRunning) {
                    bar.update(progress.getAsLong());
                }
            }
        }
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static float[] noisy(float[] centre, Random random) {
        float[] v = new float[centre.length];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) (centre[i] + NOISE * random.nextGaussian());
            norm += v[i] * v[i];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= scale;
        }
        return v;
    }

    private static UUID uuid(Random random) {
        return new UUID(random.nextLong(), random.nextLong());
    }
}

package io.repdesk.need.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.repdesk.search.ContactIndex.LabelListener;
import io.repdesk.search.Embedder;
import io.repdesk.shared.NeedId;

/**
 * An online softmax regression over sentence vectors, one row per need, learned from the contacts
 * people confirmed. One confirmed example moves it at once (a few SGD steps; a need's first example
 * seeds its row); now and then it is refitted in the background from a bounded sample of the history
 * and swapped in whole, so scoring never waits for training. Scoring runs concurrently; learning takes
 * turns with it. Each need has a slot, and every per-need figure lives in arrays by slot, so scoring
 * thousands of needs is a run of dot products.
 */
@Component
public class NeedModel implements LabelListener, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(NeedModel.class);

    /** SGD steps on one newly confirmed example: makes a correction stick at once. */
    static final int ONLINE_STEPS = 3;
    /** Step size online and at the start of a refit (decayed linearly to 0 over a refit). */
    static final double LEARNING_RATE = 1.0;
    /** A new need's first row: this share of the mean row length, pointed at its first example. */
    static final double PROTOTYPE_SCALE = 0.8;
    /** Passes of a background refit; accuracy still rose at 20 in measurements. */
    static final int REFIT_EPOCHS = 20;
    /** Examples kept for refits (a uniform sample of the history beyond this). */
    static final int SAMPLE_LIMIT = 20_000;
    /** Refit after this many newly confirmed examples. */
    static final int REFIT_EVERY = 500;
    /** Refits costing more multiply-adds than this (many needs times a large sample) fit centroids instead. */
    static final double REFIT_BUDGET = 1.2e10;
    /** Beyond this many needs, a step moves only the target's row and the rows most likely after it. */
    static final int UPDATE_LIMIT = 256;
    /** Probabilities returned per contact: the likeliest needs (the rest share less than the last one). */
    static final int RETURNED = 50;
    /** Length of a centroid-fitted row: a softmax over cosine similarities at temperature 0.05. */
    static final float CENTROID_SCALE = 20f;

    /** The regression's parameters by slot (a null row: the need has none yet); replaced whole by a refit. */
    private static final class Weights {
        float[] @Nullable [] rows;
        float[] bias;

        Weights(int capacity) {
            rows = new float[capacity][];
            bias = new float[capacity];
        }

        void ensure(int capacity) {
            if (rows.length < capacity) {
                int grown = Math.max(capacity, rows.length * 2);
                rows = Arrays.copyOf(rows, grown);
                bias = Arrays.copyOf(bias, grown);
            }
        }
    }

    private record Example(int slot, float[] vector) {
    }

    /**
     * Every row's probability for one contact: {@code p[i]} belongs to slot {@code slots[i]}, for
     * {@code i < count}. The arrays may be longer (reused between calls on one thread).
     */
    private record Logits(int[] slots, double[] p, int count) {

        /**
         * Indexes (into {@code p}) of the {@code limit} highest probabilities, highest first: one pass
         * keeping a sorted shortlist, so thousands of needs cost no sort.
         */
        int[] likeliest(int limit) {
            int[] top = new int[Math.min(limit, count)];
            int kept = 0;
            for (int i = 0; i < count; i++) {
                if (kept == top.length && p[i] <= p[top[kept - 1]]) {
                    continue;
                }
                int at = kept == top.length ? kept - 1 : kept++;
                while (at > 0 && p[top[at - 1]] < p[i]) {
                    top[at] = top[at - 1];
                    at--;
                }
                top[at] = i;
            }
            return top;
        }
    }

    /** Per-thread room for one contact's logits: scoring thousands of needs allocates nothing per match. */
    private static final class Scratch {
        int[] slots = new int[0];
        double[] p = new double[0];

        Scratch ensure(int n) {
            if (slots.length < n) {
                slots = new int[Math.max(n, slots.length * 2)];
                p = new double[slots.length];
            }
            return this;
        }
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);
    private final Random random = new Random(17);
    private final ScheduledExecutorService refits = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("need-model-refit").daemon().factory());
    private final AtomicInteger sinceRefit = new AtomicInteger();
    private final Map<NeedId, Integer> slots = new HashMap<>();
    private NeedId[] needs = new NeedId[16];
    /** Confirmed examples per slot on this node. */
    private int[] counts = new int[16];
    /** Each slot's sum of every confirmed example (not just the sample): exact centroids at any scale. */
    private float[] @Nullable [] sums = new float[16][];
    private int size;
    private Weights weights = new Weights(16);
    private final List<Example> sample = new ArrayList<>();
    private long seen;
    private boolean bootstrapping;
    private double refitBudget = REFIT_BUDGET;

    /** Lowers the refit budget (tests of the many-needs path with few vectors). */
    void refitBudget(double multiplyAdds) {
        this.refitBudget = multiplyAdds;
    }

    /**
     * While the index hands over what it holds, examples are only remembered (cost independent of the
     * number of needs); one refit then trains on them. Per-example SGD would cost needs × dimension each.
     */
    @Override
    public void reset() {
        lock.writeLock().lock();
        try {
            slots.clear();
            needs = new NeedId[16];
            counts = new int[16];
            sums = new float[16][];
            size = 0;
            weights = new Weights(16);
            sample.clear();
            seen = 0;
            bootstrapping = true;
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void caughtUp() {
        lock.writeLock().lock();
        try {
            bootstrapping = false;
        } finally {
            lock.writeLock().unlock();
        }
        scheduleRefit(0);
    }

    @Override
    public void confirmed(NeedId need, @Nullable NeedId previous, List<float[]> vectors) {
        boolean bulk;
        lock.writeLock().lock();
        try {
            bulk = bootstrapping;
            int target = slot(need);
            for (float[] v : vectors) {
                if (previous != null) {
                    forget(slot(previous), v);
                }
                remember(target, v);
                for (int s = 0; s < ONLINE_STEPS && !bootstrapping; s++) {
                    step(weights, v, target, LEARNING_RATE);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
        if (!bulk && sinceRefit.addAndGet(vectors.size()) >= REFIT_EVERY) {
            sinceRefit.set(0);
            scheduleRefit(1);
        }
    }

    /**
     * Softmax probabilities of the {@value #RETURNED} likeliest needs, over every need with confirmed
     * examples (the rest of the probability mass is left out, not renormalised away).
     */
    public Map<NeedId, Double> probabilities(float[] x) {
        lock.readLock().lock();
        try {
            Logits logits = logits(weights, x, true);
            Map<NeedId, Double> top = new HashMap<>();
            for (int i : logits.likeliest(RETURNED)) {
                top.put(needs[logits.slots()[i]], logits.p()[i]);
            }
            return top;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The unit-length mean of each need's confirmed examples. */
    public Map<NeedId, float[]> centroids() {
        Map<NeedId, float[]> centroids = new HashMap<>();
        lock.readLock().lock();
        try {
            for (int s = 0; s < size; s++) {
                float[] sum = sums[s];
                if (counts[s] > 0 && sum != null) {
                    centroids.put(needs[s], unit(sum));
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        return centroids;
    }

    /** How many confirmed examples the need has on this node. */
    public int examples(NeedId need) {
        lock.readLock().lock();
        try {
            Integer s = slots.get(need);
            return s == null ? 0 : counts[s];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Refits the regression from the sample now (tests and commands that load history in bulk). */
    public void refit() {
        List<Example> snapshot;
        int needCount;
        int known;
        lock.readLock().lock();
        try {
            snapshot = List.copyOf(sample);
            needCount = size;
            known = (int) Arrays.stream(counts, 0, size).filter(c -> c > 0).count();
        } finally {
            lock.readLock().unlock();
        }
        if (snapshot.isEmpty()) {
            return;
        }
        int dimension = snapshot.getFirst().vector().length;
        double cost = (double) snapshot.size() * Math.max(known, 1) * dimension * REFIT_EPOCHS;
        if (cost > refitBudget) {
            log.debug("A refit of {} examples over {} needs is too costly; fitting centroids instead",
                    snapshot.size(), known);
            fitCentroids();
            return;
        }
        Weights fitted = new Weights(needCount);
        for (Example e : snapshot) {
            if (fitted.rows[e.slot()] == null) {
                fitted.rows[e.slot()] = new float[dimension];
            }
        }
        Random order = new Random(7);
        Example[] shuffled = snapshot.toArray(Example[]::new);
        for (int epoch = 0; epoch < REFIT_EPOCHS; epoch++) {
            for (int i = shuffled.length - 1; i > 0; i--) {
                int j = order.nextInt(i + 1);
                Example t = shuffled[i];
                shuffled[i] = shuffled[j];
                shuffled[j] = t;
            }
            double rate = LEARNING_RATE * (1.0 - (double) epoch / REFIT_EPOCHS);
            for (Example e : shuffled) {
                step(fitted, e.vector(), e.slot(), rate);
            }
        }
        lock.writeLock().lock();
        try {
            fitted.ensure(size);
            // Examples confirmed while the refit ran are replayed onto the new weights.
            List<Example> newer = sample.size() > snapshot.size() ? sample.subList(snapshot.size(), sample.size())
                    : List.of();
            for (Example e : newer) {
                for (int s = 0; s < ONLINE_STEPS; s++) {
                    step(fitted, e.vector(), e.slot(), LEARNING_RATE);
                }
            }
            weights = fitted;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Sets each need's row to its centroid, scaled: cheap at any number of needs. */
    private void fitCentroids() {
        lock.writeLock().lock();
        try {
            Weights fitted = new Weights(Math.max(size, 16));
            for (int s = 0; s < size; s++) {
                float[] sum = sums[s];
                if (counts[s] > 0 && sum != null) {
                    float[] row = unit(sum);
                    for (int i = 0; i < row.length; i++) {
                        row[i] *= CENTROID_SCALE;
                    }
                    fitted.rows[s] = row;
                }
            }
            weights = fitted;
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void scheduleRefit(int delaySeconds) {
        if (!refits.isShutdown()) {
            refits.schedule(() -> {
                try {
                    refit();
                } catch (RuntimeException e) {
                    log.warn("Refitting the need model failed: {}", e.toString());
                }
            }, delaySeconds, TimeUnit.SECONDS);
        }
    }

    /** The need's slot, given one on first sight. Called under the write lock. */
    private int slot(NeedId need) {
        Integer known = slots.get(need);
        if (known != null) {
            return known;
        }
        if (size == needs.length) {
            needs = Arrays.copyOf(needs, size * 2);
            counts = Arrays.copyOf(counts, size * 2);
            sums = Arrays.copyOf(sums, size * 2);
        }
        needs[size] = need;
        slots.put(need, size);
        weights.ensure(size + 1);
        return size++;
    }

    private void remember(int slot, float[] v) {
        counts[slot]++;
        seen++;
        float[] sum = sums[slot];
        if (sum == null) {
            sum = new float[v.length];
            sums[slot] = sum;
        }
        add(sum, v, 1);
        if (weights.rows[slot] == null) {
            weights.rows[slot] = prototype(v);
            weights.bias[slot] = bootstrapping ? 0 : meanBias();
        }
        if (sample.size() < SAMPLE_LIMIT) {
            sample.add(new Example(slot, v));
        } else {
            long at = (long) (random.nextDouble() * seen);
            if (at < SAMPLE_LIMIT) {
                sample.set((int) at, new Example(slot, v));
            }
        }
    }

    private void forget(int slot, float[] v) {
        if (counts[slot] > 0) {
            counts[slot]--;
            float[] sum = sums[slot];
            if (sum != null) {
                add(sum, v, -1);
            }
        }
        sample.removeIf(e -> e.slot() == slot && Arrays.equals(e.vector(), v));
    }

    private float[] prototype(float[] v) {
        double norm = 0;
        int rows = 0;
        // The typical row length, from a few rows: exact enough, and cheap with thousands of needs.
        for (int s = 0; s < size && rows < 64; s++) {
            float[] row = weights.rows[s];
            if (row != null) {
                norm += Math.sqrt(dot(row, row));
                rows++;
            }
        }
        float[] row = new float[v.length];
        // The very first need has no other rows to take a length from: it starts at unit length.
        float scale = rows > 0 && norm > 0 ? (float) (PROTOTYPE_SCALE * norm / rows) : 1f;
        for (int i = 0; i < v.length; i++) {
            row[i] = scale * v[i];
        }
        return row;
    }

    private float meanBias() {
        double sum = 0;
        int rows = 0;
        for (int s = 0; s < size; s++) {
            if (weights.rows[s] != null) {
                sum += weights.bias[s];
                rows++;
            }
        }
        return rows == 0 ? 0 : (float) (sum / rows);
    }

    /** The softmax over the rows (only needs with confirmed examples when {@code known}). */
    private Logits logits(Weights w, float[] x, boolean known) {
        int n = Math.min(size, w.rows.length);
        Scratch room = scratch.get().ensure(n);
        int[] at = room.slots;
        double[] p = room.p;
        int count = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < n; s++) {
            float[] row = w.rows[s];
            if (row == null || (known && counts[s] == 0)) {
                continue;
            }
            at[count] = s;
            p[count] = dot(x, row) + w.bias[s];
            max = Math.max(max, p[count]);
            count++;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            // e^-40 is below a double's precision next to the largest term: skip the exponential.
            p[i] = p[i] - max < -40 ? 0 : Math.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < count; i++) {
            p[i] /= sum;
        }
        return new Logits(at, p, count);
    }

    /**
     * One step of multinomial logistic regression (cross-entropy) towards {@code target}. With many
     * needs only the target's row and the {@value #UPDATE_LIMIT} likeliest rows move: the others' share
     * of the gradient is their (tiny) probability.
     */
    private void step(Weights w, float[] x, int target, double rate) {
        w.ensure(target + 1);
        if (w.rows[target] == null) {
            w.rows[target] = new float[x.length];
        }
        Logits logits = logits(w, x, false);
        double[] p = logits.p();
        int[] moved = logits.count() <= UPDATE_LIMIT ? IntStream.range(0, logits.count()).toArray()
                : logits.likeliest(UPDATE_LIMIT);
        boolean targetMoved = false;
        for (int i : moved) {
            int s = logits.slots()[i];
            targetMoved |= s == target;
            move(w, s, x, (float) (rate * (p[i] - (s == target ? 1 : 0))));
        }
        if (!targetMoved) {
            for (int i = 0; i < logits.count(); i++) {
                if (logits.slots()[i] == target) {
                    move(w, target, x, (float) (rate * (p[i] - 1)));
                }
            }
        }
    }

    private static void move(Weights w, int slot, float[] x, float g) {
        float[] row = w.rows[slot];
        if (row == null) {
            return;
        }
        for (int i = 0; i < x.length; i++) {
            row[i] -= g * x[i];
        }
        w.bias[slot] -= g;
    }

    private static void add(float[] sum, float[] v, int sign) {
        for (int i = 0; i < sum.length; i++) {
            sum[i] += sign * v[i];
        }
    }

    private static float[] unit(float[] v) {
        double norm = Math.sqrt(dot(v, v));
        float[] u = v.clone();
        for (int i = 0; i < u.length && norm > 0; i++) {
            u[i] /= (float) norm;
        }
        return u;
    }

    static float dot(float[] a, float[] b) {
        return Embedder.cosine(a, b);
    }

    @Override
    public void destroy() {
        refits.shutdownNow();
    }
}

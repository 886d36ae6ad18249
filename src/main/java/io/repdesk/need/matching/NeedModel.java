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

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.repdesk.search.ContactIndex.LabelListener;
import io.repdesk.shared.NeedId;

/**
 * An online softmax regression over sentence vectors, one row per need, learned from the contacts
 * people confirmed. One confirmed example moves it at once (a few SGD steps; a need's first example
 * seeds its row); now and then it is refitted in the background from a bounded sample of the history
 * and swapped in whole, so scoring never waits for training.
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

    /** The regression's parameters; replaced whole by a refit. */
    private record Weights(Map<NeedId, float[]> rows, Map<NeedId, Float> bias) {
    }

    private record Example(NeedId need, float[] vector) {
    }

    private final Object lock = new Object();
    private final Random random = new Random(17);
    private final ScheduledExecutorService refits = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("need-model-refit").daemon().factory());
    private final AtomicInteger sinceRefit = new AtomicInteger();
    private Weights weights = new Weights(new HashMap<>(), new HashMap<>());
    private final List<Example> sample = new ArrayList<>();
    private final Map<NeedId, Integer> examples = new HashMap<>();
    /** Each need's sum of every confirmed example (not just the sample): exact centroids at any scale. */
    private final Map<NeedId, float[]> sums = new HashMap<>();
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
        synchronized (lock) {
            weights = new Weights(new HashMap<>(), new HashMap<>());
            sample.clear();
            examples.clear();
            sums.clear();
            seen = 0;
            bootstrapping = true;
        }
    }

    @Override
    public void caughtUp() {
        synchronized (lock) {
            bootstrapping = false;
        }
        scheduleRefit(0);
    }

    @Override
    public void confirmed(NeedId need, @Nullable NeedId previous, List<float[]> vectors) {
        boolean bulk;
        synchronized (lock) {
            bulk = bootstrapping;
            for (float[] v : vectors) {
                if (previous != null) {
                    forget(previous, v);
                }
                remember(need, v);
                for (int s = 0; s < ONLINE_STEPS && !bootstrapping; s++) {
                    step(weights, v, need, LEARNING_RATE);
                }
            }
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
        synchronized (lock) {
            Logits logits = logits(weights, x, true);
            int[] order = logits.likeliest(RETURNED);
            Map<NeedId, Double> top = new HashMap<>();
            for (int i : order) {
                top.put(logits.needs()[i], logits.p()[i]);
            }
            return top;
        }
    }

    /** The unit-length mean of each need's confirmed examples. */
    public Map<NeedId, float[]> centroids() {
        Map<NeedId, float[]> centroids = new HashMap<>();
        synchronized (lock) {
            sums.forEach((need, sum) -> centroids.put(need, unit(sum)));
        }
        return centroids;
    }

    /** How many confirmed examples the need has on this node. */
    public int examples(NeedId need) {
        synchronized (lock) {
            return examples.getOrDefault(need, 0);
        }
    }

    /** Refits the regression from the sample now (tests and commands that load history in bulk). */
    public void refit() {
        List<Example> snapshot;
        synchronized (lock) {
            snapshot = List.copyOf(sample);
        }
        if (snapshot.isEmpty()) {
            return;
        }
        int dimension = snapshot.getFirst().vector().length;
        double cost = (double) snapshot.size() * examplesSize() * dimension * REFIT_EPOCHS;
        if (cost > refitBudget) {
            log.debug("A refit of {} examples over {} needs is too costly; fitting centroids instead",
                    snapshot.size(), examplesSize());
            synchronized (lock) {
                Weights fitted = new Weights(new HashMap<>(), new HashMap<>());
                sums.forEach((need, sum) -> {
                    float[] row = unit(sum);
                    for (int i = 0; i < row.length; i++) {
                        row[i] *= CENTROID_SCALE;
                    }
                    fitted.rows().put(need, row);
                    fitted.bias().put(need, 0f);
                });
                weights = fitted;
            }
            return;
        }
        Weights fitted = new Weights(new HashMap<>(), new HashMap<>());
        snapshot.forEach(e -> fitted.rows().computeIfAbsent(e.need(), n -> new float[dimension]));
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
                step(fitted, e.vector(), e.need(), rate);
            }
        }
        synchronized (lock) {
            // Examples confirmed while the refit ran are replayed onto the new weights.
            List<Example> newer = sample.size() > snapshot.size() ? sample.subList(snapshot.size(), sample.size())
                    : List.of();
            for (Example e : newer) {
                for (int s = 0; s < ONLINE_STEPS; s++) {
                    step(fitted, e.vector(), e.need(), LEARNING_RATE);
                }
            }
            weights = fitted;
        }
    }

    private int examplesSize() {
        synchronized (lock) {
            return Math.max(1, (int) examples.values().stream().filter(c -> c > 0).count());
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

    private void remember(NeedId need, float[] v) {
        examples.merge(need, 1, Integer::sum);
        add(sums.computeIfAbsent(need, n -> new float[v.length]), v, 1);
        seen++;
        if (!weights.rows().containsKey(need)) {
            weights.rows().put(need, prototype(v));
            weights.bias().put(need, meanBias());
        }
        if (sample.size() < SAMPLE_LIMIT) {
            sample.add(new Example(need, v));
        } else {
            long slot = (long) (random.nextDouble() * seen);
            if (slot < SAMPLE_LIMIT) {
                sample.set((int) slot, new Example(need, v));
            }
        }
    }

    private void forget(NeedId previous, float[] v) {
        examples.computeIfPresent(previous, (k, c) -> c > 1 ? c - 1 : null);
        if (!examples.containsKey(previous)) {
            sums.remove(previous);
        } else if (sums.containsKey(previous)) {
            add(sums.get(previous), v, -1);
        }
        sample.removeIf(e -> e.need().equals(previous) && Arrays.equals(e.vector(), v));
    }

    private float[] prototype(float[] v) {
        double norm = 0;
        int rows = 0;
        // The typical row length, from a few rows: exact enough, and cheap with thousands of needs.
        for (float[] row : weights.rows().values()) {
            norm += Math.sqrt(dot(row, row));
            if (++rows == 64) {
                break;
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
        return (float) weights.bias().values().stream().mapToDouble(Float::doubleValue).average().orElse(0);
    }

    /** Every row's logit for one contact, and the softmax over them. */
    private record Logits(NeedId[] needs, float[][] rows, double[] p) {

        /** Indexes of the {@code limit} highest probabilities, highest first. */
        int[] likeliest(int limit) {
            int n = p.length;
            if (n <= limit) {
                return java.util.stream.IntStream.range(0, n).boxed()
                        .sorted((a, b) -> Double.compare(p[b], p[a])).mapToInt(Integer::intValue).toArray();
            }
            double[] sorted = p.clone();
            Arrays.sort(sorted);
            double cut = sorted[n - limit];
            return java.util.stream.IntStream.range(0, n).filter(i -> p[i] >= cut).boxed()
                    .sorted((a, b) -> Double.compare(p[b], p[a])).limit(limit).mapToInt(Integer::intValue)
                    .toArray();
        }
    }

    /** The softmax over the rows (only needs with confirmed examples when {@code known}). */
    private Logits logits(Weights w, float[] x, boolean known) {
        int n = w.rows().size();
        NeedId[] needs = new NeedId[n];
        float[][] rows = new float[n][];
        double[] p = new double[n];
        int count = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (Map.Entry<NeedId, float[]> row : w.rows().entrySet()) {
            if (known && examples.getOrDefault(row.getKey(), 0) == 0) {
                continue;
            }
            needs[count] = row.getKey();
            rows[count] = row.getValue();
            p[count] = dot(x, row.getValue()) + w.bias().getOrDefault(row.getKey(), 0f);
            max = Math.max(max, p[count]);
            count++;
        }
        double sum = 0;
        for (int i = 0; i < count; i++) {
            p[i] = Math.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < count; i++) {
            p[i] /= sum;
        }
        return count == n ? new Logits(needs, rows, p)
                : new Logits(Arrays.copyOf(needs, count), Arrays.copyOf(rows, count), Arrays.copyOf(p, count));
    }

    /**
     * One step of multinomial logistic regression (cross-entropy) towards {@code target}. With many
     * needs only the target's row and the {@value #UPDATE_LIMIT} likeliest rows move: the others' share
     * of the gradient is their (tiny) probability.
     */
    private void step(Weights w, float[] x, NeedId target, double rate) {
        w.rows().computeIfAbsent(target, n -> new float[x.length]);
        Logits logits = logits(w, x, false);
        double[] p = logits.p();
        int[] moved = p.length <= UPDATE_LIMIT ? java.util.stream.IntStream.range(0, p.length).toArray()
                : logits.likeliest(UPDATE_LIMIT);
        boolean targetMoved = false;
        for (int i : moved) {
            NeedId need = logits.needs()[i];
            boolean isTarget = need.equals(target);
            targetMoved |= isTarget;
            move(w, need, logits.rows()[i], x, (float) (rate * (p[i] - (isTarget ? 1 : 0))));
        }
        if (!targetMoved) {
            for (int i = 0; i < p.length; i++) {
                if (logits.needs()[i].equals(target)) {
                    move(w, target, logits.rows()[i], x, (float) (rate * (p[i] - 1)));
                }
            }
        }
    }

    private static void move(Weights w, NeedId need, float[] row, float[] x, float g) {
        for (int i = 0; i < x.length; i++) {
            row[i] -= g * x[i];
        }
        w.bias().merge(need, -g, Float::sum);
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
        return io.repdesk.search.Embedder.cosine(a, b);
    }

    @Override
    public void destroy() {
        refits.shutdownNow();
    }
}

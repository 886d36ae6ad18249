package io.repdesk.need.discovery;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Finds groups among contacts that match no known need, without being told how many there are.
 *
 * <p>Method: exact k-nearest-neighbour graph (union of both directions) with edges weighted by cosine
 * similarity, then multi-level Louvain community detection maximising modularity with a resolution parameter. Clusters smaller than {@link #MIN_CLUSTER_SIZE} are dissolved and their members
 * moved to the most similar centroid of a remaining cluster, so every input point gets a cluster id.
 *
 * <p>Input vectors must be L2-normalised (as produced by the embedding models). Plain Java, no dependencies.
 * Cost: O(n^2 d) for the brute-force kNN (dominant; measured ~2.5 s for 3k and ~50 s for 10k x 384 on 2 shared cores),
 * roughly O(n k) per Louvain sweep.
 */
public final class NeedClustering {

    // Tuned on BANKING77 training subsets of 1k, 3k and 6k contacts (never its test set); see docs/matching.md.

    /** neighbours per point in the kNN graph */
    public static final int K_NEIGHBOURS = 15;
    /** true: modularity with resolution RESOLUTION; false: constant Potts model with density threshold RESOLUTION */
    public static final boolean MODULARITY = true;
    /** Louvain resolution: higher gives more, smaller clusters (tuned on BANKING77 train subsets of 1k/3k/6k) */
    public static final double RESOLUTION = 16.0;
    /**
     * Pools smaller than this use a proportionally lower resolution: with n nodes of degree k, a group
     * only forms when n is well above resolution times k, so a fixed resolution would leave a small
     * pool (a quiet week, a young installation) as singletons. Equal to the smallest tuned pool size.
     */
    public static final int RESOLUTION_REFERENCE_SIZE = 1_000;
    /** clusters with fewer members are dissolved into the nearest larger cluster */
    public static final int MIN_CLUSTER_SIZE = 3;
    /** seed for Louvain's node visiting order (results are deterministic for a given input order) */
    public static final long SEED = 42L;
    /** safety cap on local-moving sweeps per Louvain level */
    public static final int MAX_SWEEPS = 100;

    private NeedClustering() {}

    /** Returns a cluster id in [0, #clusters) for every embedding. */
    public static int[] cluster(List<float[]> embeddings) {
        float[][] x = embeddings.toArray(new float[0][]);
        int n = x.length;
        if (n == 0) return new int[0];
        if (n <= 5) return new int[n];
        float[][] sim = new float[n][];
        // A small pool gets fewer neighbours per point, so a handful of alike contacts is not drowned out.
        int k = Math.max(4, Math.min(K_NEIGHBOURS, n / 10));
        int[][] nn = knn(x, k, sim);
        Graph g = knnGraph(nn, sim);
        double resolution = RESOLUTION * Math.min(1.0, (double) n / RESOLUTION_REFERENCE_SIZE);
        int[] labels = louvain(g, resolution, !MODULARITY, SEED);
        return absorbSmall(x, labels, MIN_CLUSTER_SIZE);
    }

    /**
     * For every cluster id c (0..max), the index of the member closest to the cluster's centroid
     * (use its text as the cluster title); -1 for an id with no members.
     */
    public static int[] representatives(List<float[]> embeddings, int[] labels) {
        float[][] x = embeddings.toArray(new float[0][]);
        int k = 0;
        for (int l : labels) k = Math.max(k, l + 1);
        float[][] c = centroids(x, labels, k);
        int[] rep = new int[k];
        float[] best = new float[k];
        Arrays.fill(rep, -1);
        Arrays.fill(best, Float.NEGATIVE_INFINITY);
        for (int i = 0; i < x.length; i++) {
            float s = dot(x[i], c[labels[i]]);
            if (s > best[labels[i]]) { best[labels[i]] = s; rep[labels[i]] = i; }
        }
        return rep;
    }

    /** Unit-length centroid of each cluster (for incremental assignment of new contacts). */
    public static float[][] centroids(List<float[]> embeddings, int[] labels) {
        int k = 0;
        for (int l : labels) k = Math.max(k, l + 1);
        return centroids(embeddings.toArray(new float[0][]), labels, k);
    }

    // ---------------------------------------------------------------- kNN graph

    /** Exact brute-force k nearest neighbours by cosine (self excluded), most similar first. */
    static int[][] knn(float[][] x, int k, float[][] simOut) {
        int n = x.length;
        int[][] idx = new int[n][];
        IntStream.range(0, n).parallel().forEach(i -> {
            int[] bi = new int[k];
            float[] bs = new float[k];
            Arrays.fill(bs, Float.NEGATIVE_INFINITY);
            Arrays.fill(bi, -1);
            for (int j = 0; j < n; j++) {
                if (j == i) continue;
                float s = dot(x[i], x[j]);
                if (s <= bs[k - 1]) continue;
                int p = k - 1;
                while (p > 0 && bs[p - 1] < s) { bs[p] = bs[p - 1]; bi[p] = bi[p - 1]; p--; }
                bs[p] = s;
                bi[p] = j;
            }
            idx[i] = bi;
            simOut[i] = bs;
        });
        return idx;
    }

    /** Undirected graph in CSR form; every edge is stored in both endpoint rows. */
    static final class Graph {
        int n;
        int[] ptr, col;
        double[] w;
    }

    /** Union of kNN edges (i in kNN(j) or j in kNN(i)), weighted by cosine similarity (negative ones dropped). */
    static Graph knnGraph(int[][] nn, float[][] sim) {
        int n = nn.length;
        HashMap<Long, Boolean> seen = new HashMap<>(n * nn[0].length * 2);
        List<int[]> pairs = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        int[] deg = new int[n];
        for (int i = 0; i < n; i++) {
            for (int q = 0; q < nn[i].length; q++) {
                int j = nn[i][q];
                long key = i < j ? ((long) i << 32) | j : ((long) j << 32) | i;
                if (seen.putIfAbsent(key, Boolean.TRUE) != null) continue;
                double w = sim[i][q];
                if (w <= 0) continue;
                pairs.add(new int[]{i, j});
                weights.add(w);
                deg[i]++;
                deg[j]++;
            }
        }
        Graph g = new Graph();
        g.n = n;
        g.ptr = new int[n + 1];
        for (int i = 0; i < n; i++) g.ptr[i + 1] = g.ptr[i] + deg[i];
        g.col = new int[g.ptr[n]];
        g.w = new double[g.ptr[n]];
        int[] fill = Arrays.copyOf(g.ptr, n);
        for (int e = 0; e < pairs.size(); e++) {
            int i = pairs.get(e)[0], j = pairs.get(e)[1];
            double w = weights.get(e);
            g.col[fill[i]] = j; g.w[fill[i]++] = w;
            g.col[fill[j]] = i; g.w[fill[j]++] = w;
        }
        return g;
    }

    // ---------------------------------------------------------------- Louvain

    /** Multi-level Louvain. cpm=false: modularity (node weight = degree); cpm=true: constant Potts model (node weight = size). */
    static int[] louvain(Graph g0, double gamma, boolean cpm, long seed) {
        Random rnd = new Random(seed);
        int n0 = g0.n;
        double[] nw = new double[n0];
        double total = 0;
        for (int i = 0; i < n0; i++) {
            double d = 0;
            for (int e = g0.ptr[i]; e < g0.ptr[i + 1]; e++) d += g0.w[e];
            nw[i] = cpm ? 1 : d;
            total += d;
        }
        double scale = cpm ? 1 : 1 / Math.max(total, 1e-12);
        int[] member = new int[n0];
        for (int i = 0; i < n0; i++) member[i] = i;
        Graph g = g0;
        while (true) {
            int[] comm = localMove(g, nw, gamma, scale, rnd);
            int c = 0;
            for (int v : comm) c = Math.max(c, v + 1);
            for (int i = 0; i < n0; i++) member[i] = comm[member[i]];
            if (c == g.n) break;
            double[] nw2 = new double[c];
            for (int i = 0; i < g.n; i++) nw2[comm[i]] += nw[i];
            g = aggregate(g, comm, c);
            nw = nw2;
        }
        return member;
    }

    /** Moves single nodes to the neighbouring community with the largest quality gain until nothing moves. */
    private static int[] localMove(Graph g, double[] nw, double gamma, double scale, Random rnd) {
        int n = g.n;
        int[] comm = new int[n];
        double[] commWeight = new double[n];
        for (int i = 0; i < n; i++) { comm[i] = i; commWeight[i] = nw[i]; }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) { int j = rnd.nextInt(i + 1); int t = order[i]; order[i] = order[j]; order[j] = t; }
        double[] linkW = new double[n];
        int[] touched = new int[n];
        boolean[] isTouched = new boolean[n];
        boolean moved = true;
        for (int sweep = 0; moved && sweep < MAX_SWEEPS; sweep++) {
            moved = false;
            for (int i : order) {
                int ci = comm[i], t = 0;
                for (int e = g.ptr[i]; e < g.ptr[i + 1]; e++) {
                    int j = g.col[e];
                    if (j == i) continue;
                    int c = comm[j];
                    if (!isTouched[c]) { isTouched[c] = true; touched[t++] = c; }
                    linkW[c] += g.w[e];
                }
                commWeight[ci] -= nw[i];
                int best = ci;
                double bestGain = linkW[ci] - gamma * nw[i] * commWeight[ci] * scale;
                for (int q = 0; q < t; q++) {
                    int c = touched[q];
                    double gain = linkW[c] - gamma * nw[i] * commWeight[c] * scale;
                    if (gain > bestGain + 1e-12) { bestGain = gain; best = c; }
                }
                commWeight[best] += nw[i];
                comm[i] = best;
                if (best != ci) moved = true;
                for (int q = 0; q < t; q++) { linkW[touched[q]] = 0; isTouched[touched[q]] = false; }
                linkW[ci] = 0;
            }
        }
        return relabel(comm);
    }

    /** Collapses each community into one node; internal edges become self-loops. */
    private static Graph aggregate(Graph g, int[] comm, int c) {
        int[] count = new int[c];
        for (int v : comm) count[v]++;
        int[][] members = new int[c][];
        for (int v = 0; v < c; v++) members[v] = new int[count[v]];
        Arrays.fill(count, 0);
        for (int i = 0; i < g.n; i++) members[comm[i]][count[comm[i]]++] = i;
        double[] acc = new double[c];
        boolean[] isTouched = new boolean[c];
        int[] touched = new int[c];
        int[] ptr = new int[c + 1];
        List<int[]> cols = new ArrayList<>();
        List<double[]> wts = new ArrayList<>();
        for (int v = 0; v < c; v++) {
            int t = 0;
            for (int i : members[v]) {
                for (int e = g.ptr[i]; e < g.ptr[i + 1]; e++) {
                    int d = comm[g.col[e]];
                    if (!isTouched[d]) { isTouched[d] = true; touched[t++] = d; }
                    acc[d] += g.w[e];
                }
            }
            int[] cc = new int[t];
            double[] ww = new double[t];
            for (int q = 0; q < t; q++) { cc[q] = touched[q]; ww[q] = acc[touched[q]]; acc[touched[q]] = 0; isTouched[touched[q]] = false; }
            cols.add(cc);
            wts.add(ww);
            ptr[v + 1] = ptr[v] + t;
        }
        Graph h = new Graph();
        h.n = c;
        h.ptr = ptr;
        h.col = new int[ptr[c]];
        h.w = new double[ptr[c]];
        for (int v = 0; v < c; v++) {
            System.arraycopy(cols.get(v), 0, h.col, ptr[v], cols.get(v).length);
            System.arraycopy(wts.get(v), 0, h.w, ptr[v], wts.get(v).length);
        }
        return h;
    }

    // ---------------------------------------------------------------- helpers

    /** Members of clusters smaller than minSize move to the most similar centroid among the larger clusters. */
    static int[] absorbSmall(float[][] x, int[] labels, int minSize) {
        int k = 0;
        for (int l : labels) k = Math.max(k, l + 1);
        int[] size = new int[k];
        for (int l : labels) size[l]++;
        int[] big = IntStream.range(0, k).filter(c -> size[c] >= minSize).toArray();
        if (big.length == 0 || big.length == k) return relabel(labels);
        float[][] c = centroids(x, labels, k);
        int[] out = labels.clone();
        for (int i = 0; i < x.length; i++) {
            if (size[labels[i]] >= minSize) continue;
            int best = big[0];
            float bs = Float.NEGATIVE_INFINITY;
            for (int b : big) {
                float s = dot(x[i], c[b]);
                if (s > bs) { bs = s; best = b; }
            }
            out[i] = best;
        }
        return relabel(out);
    }

    private static float[][] centroids(float[][] x, int[] labels, int k) {
        int d = x.length == 0 ? 0 : x[0].length;
        float[][] c = new float[k][d];
        for (int i = 0; i < x.length; i++) for (int q = 0; q < d; q++) c[labels[i]][q] += x[i][q];
        for (float[] v : c) {
            double s = 0;
            for (float f : v) s += f * f;
            if (s == 0) continue;
            float inv = (float) (1 / Math.sqrt(s));
            for (int q = 0; q < d; q++) v[q] *= inv;
        }
        return c;
    }

    /** Renumbers labels to 0..K-1 in order of first appearance. */
    static int[] relabel(int[] a) {
        HashMap<Integer, Integer> m = new HashMap<>();
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = m.computeIfAbsent(a[i], key -> m.size());
        return r;
    }

    static float dot(float[] a, float[] b) {
        return io.repdesk.search.Embedder.cosine(a, b);
    }
}

package io.repdesk.eval;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/** Clustering agreement with labels: NMI (arithmetic normalisation), ARI, and accuracy under the best one-to-one matching. */
final class ClusteringMetrics {

    private ClusteringMetrics() {
    }

    static int[] relabel(int[] a) {
        HashMap<Integer, Integer> m = new HashMap<>();
        int[] r = new int[a.length];
        for (int i = 0; i < a.length; i++) r[i] = m.computeIfAbsent(a[i], k -> m.size());
        return r;
    }
    static int nLabels(int[] a) { int k = 0; for (int v : a) k = Math.max(k, v + 1); return k; }

    /** contingency table as a map (ka*kb may be large when many singletons) */
    static HashMap<Long, Integer> cont(int[] a, int[] b) {
        HashMap<Long, Integer> m = new HashMap<>();
        for (int i = 0; i < a.length; i++) m.merge(((long) a[i] << 32) | b[i], 1, Integer::sum);
        return m;
    }

    static double nmi(int[] t, int[] p) {
        int[] a = relabel(t), b = relabel(p);
        int n = a.length, ka = nLabels(a), kb = nLabels(b);
        double[] ca = new double[ka], cb = new double[kb];
        for (int i = 0; i < n; i++) { ca[a[i]]++; cb[b[i]]++; }
        double ha = 0, hb = 0, mi = 0;
        for (double c : ca) if (c > 0) ha -= c / n * Math.log(c / n);
        for (double c : cb) if (c > 0) hb -= c / n * Math.log(c / n);
        for (Map.Entry<Long, Integer> e : cont(a, b).entrySet()) {
            int i = (int) (e.getKey() >>> 32), j = (int) (e.getKey() & 0xffffffffL);
            double nij = e.getValue();
            mi += nij / n * Math.log(nij * n / (ca[i] * cb[j]));
        }
        double den = (ha + hb) / 2;
        return den <= 0 ? 1.0 : Math.max(0, mi) / den;
    }

    static double comb2(double x) { return x * (x - 1) / 2; }

    static double ari(int[] t, int[] p) {
        int[] a = relabel(t), b = relabel(p);
        int n = a.length, ka = nLabels(a), kb = nLabels(b);
        double[] ca = new double[ka], cb = new double[kb];
        for (int i = 0; i < n; i++) { ca[a[i]]++; cb[b[i]]++; }
        double sij = 0, sa = 0, sb = 0;
        for (int v : cont(a, b).values()) sij += comb2(v);
        for (double c : ca) sa += comb2(c);
        for (double c : cb) sb += comb2(c);
        double exp = sa * sb / comb2(n), max = (sa + sb) / 2;
        if (max == exp) return 1.0;
        return (sij - exp) / (max - exp);
    }

    /** Best one-to-one matching accuracy between predicted clusters and true classes (Hungarian). */
    static double acc(int[] t, int[] p) {
        int[] a = relabel(t), b = relabel(p);
        int n = a.length, ka = nLabels(a), kb = nLabels(b);
        boolean trueRows = ka <= kb;
        int rows = Math.min(ka, kb), cols = Math.max(ka, kb);
        double[][] cost = new double[rows][cols];
        for (Map.Entry<Long, Integer> e : cont(a, b).entrySet()) {
            int i = (int) (e.getKey() >>> 32), j = (int) (e.getKey() & 0xffffffffL);
            if (trueRows) cost[i][j] = -e.getValue(); else cost[j][i] = -e.getValue();
        }
        int[] asg = hungarian(cost);
        double s = 0;
        for (int r = 0; r < rows; r++) s -= cost[r][asg[r]];
        return s / n;
    }

    /** Min-cost assignment, rows <= cols, O(rows^2 * cols). Returns column assigned to each row. */
    static int[] hungarian(double[][] a) {
        int n = a.length, m = a[0].length;
        double[] u = new double[n + 1], v = new double[m + 1];
        int[] p = new int[m + 1], way = new int[m + 1];
        for (int i = 1; i <= n; i++) {
            p[0] = i;
            int j0 = 0;
            double[] minv = new double[m + 1];
            Arrays.fill(minv, Double.POSITIVE_INFINITY);
            boolean[] used = new boolean[m + 1];
            do {
                used[j0] = true;
                int i0 = p[j0], j1 = 0;
                double delta = Double.POSITIVE_INFINITY;
                double[] row = a[i0 - 1];
                for (int j = 1; j <= m; j++) if (!used[j]) {
                    double cur = row[j - 1] - u[i0] - v[j];
                    if (cur < minv[j]) { minv[j] = cur; way[j] = j0; }
                    if (minv[j] < delta) { delta = minv[j]; j1 = j; }
                }
                for (int j = 0; j <= m; j++) {
                    if (used[j]) { u[p[j]] += delta; v[j] -= delta; } else minv[j] -= delta;
                }
                j0 = j1;
            } while (p[j0] != 0);
            do { int j1 = way[j0]; p[j0] = p[j1]; j0 = j1; } while (j0 != 0);
        }
        int[] ans = new int[n];
        for (int j = 1; j <= m; j++) if (p[j] != 0) ans[p[j] - 1] = j - 1;
        return ans;
    }
}

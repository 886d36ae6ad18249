package io.repdesk.eval;

import java.util.Arrays;
import java.util.List;

/** Figures for the evaluation commands. */
final class Metrics {

    private Metrics() {
    }

    /** Area under the ROC curve of scores that should be high for positives (ties count half). */
    static double auroc(List<Double> positives, List<Double> negatives) {
        if (positives.isEmpty() || negatives.isEmpty()) {
            return Double.NaN;
        }
        double[] neg = negatives.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double sum = 0;
        for (double p : positives) {
            int below = lowerBound(neg, p);
            int notAbove = upperBound(neg, p);
            sum += below + (notAbove - below) / 2.0;
        }
        return sum / ((double) positives.size() * neg.length);
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** The value below which {@code percent}% of the values lie (nearest rank); NaN when there are none. */
    static double percentile(List<Double> values, double percent) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int rank = (int) Math.ceil(percent / 100 * sorted.length);
        return sorted[Math.clamp(rank - 1, 0, sorted.length - 1)];
    }

    static String format(double value) {
        return Double.isNaN(value) ? "NA" : String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    private static int lowerBound(double[] a, double key) {
        int i = Arrays.binarySearch(a, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i > 0 && a[i - 1] == key) {
            i--;
        }
        return i;
    }

    private static int upperBound(double[] a, double key) {
        int i = Arrays.binarySearch(a, key);
        if (i < 0) {
            return -i - 1;
        }
        while (i < a.length && a[i] == key) {
            i++;
        }
        return i;
    }
}

package io.repdesk.prevent;

/** A two-proportion z-test: is a value more common among affected customers than among the others? */
final class Significance {

    private Significance() {
    }

    /**
     * The z-score of {@code k} of {@code n} affected customers having a value that {@code total} of all
     * {@code population} customers have; the affected customers are part of the population.
     */
    static double z(long k, long n, long total, long population) {
        long others = population - n;
        if (n <= 0 || others <= 0) {
            return 0;
        }
        double pooled = (double) total / population;
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n + 1.0 / others));
        if (se == 0) {
            return 0;
        }
        return ((double) k / n - (double) (total - k) / others) / se;
    }

    /** The one-sided p-value of a z-score: the chance of a z this high when there is no effect. */
    static double pValue(double z) {
        return 0.5 * erfc(z / Math.sqrt(2));
    }

    /** The complementary error function, by its Chebyshev approximation (relative error under 1.2e-7). */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double poly = -z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806
                + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
        double r = t * Math.exp(poly);
        return x >= 0 ? r : 2 - r;
    }
}

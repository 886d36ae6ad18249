package io.repdesk.need.matching;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.repdesk.search.ContactIndex.Hit;
import io.repdesk.search.Embedder;
import io.repdesk.shared.NeedId;

/**
 * Turns the evidence about one contact into per-need probabilities: a similarity-weighted vote of its
 * nearest confirmed contacts, fused with a softmax over the needs' centroids. The new-need score grows
 * as the nearest confirmed contact gets further away.
 */
public final class NeedScoring {

    /** Sharpness of the neighbour vote: a neighbour 0.05 less similar counts e times less. */
    static final double NEIGHBOUR_TEMPERATURE = 0.05;
    /** Sharpness of the centroid softmax. */
    static final double CENTROID_TEMPERATURE = 0.04;
    /** Weight of the neighbour vote against the centroids. */
    static final double NEIGHBOUR_WEIGHT = 0.5;
    /** Cosine to the nearest confirmed contact at which "new" and "known" are equally likely. */
    static final double NEW_NEED_MIDPOINT = 0.72;
    /** How quickly the new-need score moves around its midpoint. */
    static final double NEW_NEED_SCALE = 0.04;

    private NeedScoring() {
    }

    /** Per-need probabilities (summing to 1) and the new-need score. */
    public record Scores(Map<NeedId, Double> probabilities, double newNeedScore) {
    }

    public static Scores fuse(float[] vector, List<Hit> neighbours, List<NeedModel.Centroid> centroids) {
        Map<NeedId, Double> vote = new HashMap<>();
        double nearest = -1;
        for (Hit hit : neighbours) {
            if (hit.needId() == null || !hit.confirmed()) {
                continue;
            }
            nearest = Math.max(nearest, hit.score());
            vote.merge(hit.needId(), Math.exp((hit.score() - 1) / NEIGHBOUR_TEMPERATURE), Double::sum);
        }
        normalize(vote);
        Map<NeedId, Double> central = new HashMap<>();
        double best = Double.NEGATIVE_INFINITY;
        double[] cosines = new double[centroids.size()];
        for (int i = 0; i < centroids.size(); i++) {
            cosines[i] = Embedder.cosine(vector, centroids.get(i).direction());
            best = Math.max(best, cosines[i]);
        }
        for (int i = 0; i < centroids.size(); i++) {
            central.put(centroids.get(i).needId(), Math.exp((cosines[i] - best) / CENTROID_TEMPERATURE));
        }
        normalize(central);
        Map<NeedId, Double> fused = new HashMap<>();
        double neighbourWeight = vote.isEmpty() ? 0 : central.isEmpty() ? 1 : NEIGHBOUR_WEIGHT;
        vote.forEach((need, p) -> fused.merge(need, neighbourWeight * p, Double::sum));
        central.forEach((need, p) -> fused.merge(need, (1 - neighbourWeight) * p, Double::sum));
        double newNeed = nearest < 0 ? 1 : 1 / (1 + Math.exp((nearest - NEW_NEED_MIDPOINT) / NEW_NEED_SCALE));
        return new Scores(fused, newNeed);
    }

    /** Keyword-only scoring when no embedding model is loaded: a BM25-weighted vote of confirmed hits. */
    public static Scores keyword(List<Hit> hits) {
        Map<NeedId, Double> vote = new HashMap<>();
        double top = hits.isEmpty() ? 0 : hits.getFirst().score();
        for (Hit hit : hits) {
            if (hit.needId() != null && hit.confirmed()) {
                vote.merge(hit.needId(), Math.exp(3 * (hit.score() - top) / Math.max(top, 1e-6)), Double::sum);
            }
        }
        normalize(vote);
        return new Scores(vote, vote.isEmpty() ? 1 : 0);
    }

    private static void normalize(Map<NeedId, Double> scores) {
        double sum = scores.values().stream().mapToDouble(Double::doubleValue).sum();
        if (sum > 0) {
            scores.replaceAll((k, v) -> v / sum);
        }
    }
}

package io.repdesk.need.matching;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.repdesk.search.ContactIndex.Hit;
import io.repdesk.search.ContactIndex.Neighbour;
import io.repdesk.shared.NeedId;

/**
 * Fuses three views of one contact into calibrated per-need probabilities: a softmax over each need's
 * closest confirmed contact (1-NN), a similarity-weighted vote of the nearest confirmed contacts (k-NN),
 * and the online softmax regression. Constants were chosen on a split of BANKING77's training set
 * (never its test set); see docs/matching.md.
 */
public final class NeedScoring {

    /** Neighbours in the vote: at or near the best for k in 1..50. */
    static final int VOTE_NEIGHBOURS = 10;
    /** Vote temperature: a neighbour 0.05 less similar counts e times less. */
    static final double VOTE_TEMPERATURE = 0.05;
    /** Temperature of the softmax over each need's closest contact. */
    static final double NEAREST_TEMPERATURE = 0.02;
    /** Fusion weights of 1-NN, k-NN and the regression (sum 1). */
    static final double NEAREST_WEIGHT = 0.25;
    static final double VOTE_WEIGHT = 0.35;
    static final double REGRESSION_WEIGHT = 0.40;
    /** Power temperature that makes the fused top probability match accuracy (ECE about 0.01). */
    static final double CALIBRATION = 0.66;
    /** New-need evidence: distance to the nearest confirmed contact, and doubt about the best need. */
    static final double NEW_DISTANCE_WEIGHT = 1.5;
    static final double NEW_DOUBT_WEIGHT = 0.25;
    /** Raw new-need evidence at which a contact is called new: keeps 95% of known-need contacts. */
    static final double NEW_MIDPOINT = 0.255;

    private NeedScoring() {
    }

    /**
     * Per-need probabilities and the new-need score.
     *
     * @param newNeedScore 0..1, 0.5 at the measured default threshold
     */
    public record Scores(Map<NeedId, Double> probabilities, double newNeedScore) {
    }

    public static Scores fuse(List<Neighbour> neighbours, Map<NeedId, Double> regression) {
        List<Neighbour> confirmed = new ArrayList<>();
        for (Neighbour hit : neighbours) {
            if (hit.needId() != null && hit.confirmed()) {
                confirmed.add(hit);
            }
        }
        if (confirmed.isEmpty()) {
            return new Scores(Map.of(), 1);
        }
        double top = confirmed.getFirst().score();
        Map<NeedId, Double> closest = new HashMap<>();
        for (Neighbour hit : confirmed) {
            closest.merge(hit.needId(), (double) hit.score(), Math::max);
        }
        Map<NeedId, Double> nearest = new HashMap<>();
        closest.forEach((need, cos) -> nearest.put(need, Math.exp((cos - top) / NEAREST_TEMPERATURE)));
        normalize(nearest);
        Map<NeedId, Double> vote = new HashMap<>();
        for (Neighbour hit : confirmed.subList(0, Math.min(VOTE_NEIGHBOURS, confirmed.size()))) {
            vote.merge(hit.needId(), Math.exp((hit.score() - top) / VOTE_TEMPERATURE), Double::sum);
        }
        normalize(vote);
        Map<NeedId, Double> fused = new HashMap<>();
        double regressionWeight = regression.isEmpty() ? 0 : REGRESSION_WEIGHT;
        double scale = 1 / (NEAREST_WEIGHT + VOTE_WEIGHT + regressionWeight);
        nearest.forEach((need, p) -> fused.merge(need, scale * NEAREST_WEIGHT * p, Double::sum));
        vote.forEach((need, p) -> fused.merge(need, scale * VOTE_WEIGHT * p, Double::sum));
        regression.forEach((need, p) -> fused.merge(need, scale * regressionWeight * p, Double::sum));
        fused.replaceAll((need, p) -> Math.pow(p, 1 / CALIBRATION));
        normalize(fused);
        double best = fused.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double evidence = NEW_DISTANCE_WEIGHT * (1 - top) + NEW_DOUBT_WEIGHT * (1 - best);
        return new Scores(fused, evidence / (evidence + NEW_MIDPOINT));
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

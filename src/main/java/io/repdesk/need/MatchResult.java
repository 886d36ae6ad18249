package io.repdesk.need;

import java.util.List;

import io.repdesk.shared.NeedId;

/**
 * What matching made of a contact: the ranked candidate needs with calibrated confidence, and how
 * likely it is that the contact is about a need repdesk does not know yet.
 */
public sealed interface MatchResult permits MatchResult.Matched, MatchResult.Ambiguous, MatchResult.NewNeed {

    /** Candidates, most likely first; confidences are probabilities that sum to at most 1. */
    List<Candidate> candidates();

    /** 0..1: how unlike every known need the contact is. */
    float newNeedScore();

    /** The best candidate is confident enough to link without asking a person. */
    record Matched(NeedId needId, float confidence, List<Candidate> candidates, float newNeedScore)
            implements MatchResult {
    }

    /** Known needs are plausible but none is sure: a person chooses among the candidates. */
    record Ambiguous(List<Candidate> candidates, float newNeedScore) implements MatchResult {
    }

    /** The contact looks like none of the known needs. */
    record NewNeed(List<Candidate> candidates, float newNeedScore) implements MatchResult {
    }

    /** A need that may be the one, with the probability that it is. */
    record Candidate(NeedId needId, float confidence) {
    }
}

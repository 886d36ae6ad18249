package io.repdesk.need.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.repdesk.search.ContactIndex.Hit;
import io.repdesk.search.ContactIndex.Neighbour;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.NeedId;

class NeedScoringTests {

    static final NeedId CARD = NeedId.random();
    static final NeedId TOP_UP = NeedId.random();

    static Neighbour neighbour(NeedId need, float cosine, boolean confirmed) {
        return new Neighbour(need, confirmed, cosine);
    }

    static Hit hit(NeedId need, float cosine, boolean confirmed) {
        return new Hit(ContactId.random(), CaseId.random(), need, confirmed, cosine, "text");
    }

    @Test
    void closeConfirmedNeighboursOfOneNeedMakeItLikelyAndNotNew() {
        var scores = NeedScoring.fuse(
                List.of(neighbour(CARD, 0.93f, true), neighbour(CARD, 0.9f, true), neighbour(TOP_UP, 0.7f, true)),
                Map.of(CARD, 0.8, TOP_UP, 0.2));

        assertThat(scores.probabilities().get(CARD)).isGreaterThan(0.9);
        assertThat(scores.probabilities().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(1.0, within(1e-9));
        assertThat(scores.newNeedScore()).isLessThan(0.5);
    }

    @Test
    void distantNeighboursMakeTheContactLookNew() {
        var scores = NeedScoring.fuse(List.of(neighbour(CARD, 0.55f, true), neighbour(TOP_UP, 0.54f, true)),
                Map.of(CARD, 0.5, TOP_UP, 0.5));

        assertThat(scores.newNeedScore()).isGreaterThan(0.5);
    }

    @Test
    void unconfirmedAndUnlinkedNeighboursAreNotEvidence() {
        var scores = NeedScoring.fuse(List.of(neighbour(null, 0.99f, false), neighbour(CARD, 0.98f, false)), Map.of());

        assertThat(scores.probabilities()).isEmpty();
        assertThat(scores.newNeedScore()).isEqualTo(1.0);
    }

    @Test
    void withoutEmbeddingsTheBestKeywordHitsVote() {
        var scores = NeedScoring.keyword(List.of(hit(CARD, 12f, true), hit(CARD, 10f, true), hit(TOP_UP, 4f, true),
                hit(null, 11f, false)));

        assertThat(scores.probabilities().get(CARD)).isGreaterThan(0.9);
        assertThat(scores.newNeedScore()).isZero();
        assertThat(NeedScoring.keyword(List.of()).newNeedScore()).isEqualTo(1.0);
    }

    @Test
    void theRegressionCanOutvoteASingleCloseNeighbour() {
        var scores = NeedScoring.fuse(List.of(neighbour(TOP_UP, 0.86f, true), neighbour(CARD, 0.85f, true),
                neighbour(CARD, 0.85f, true), neighbour(CARD, 0.84f, true)), Map.of(CARD, 0.97, TOP_UP, 0.03));

        assertThat(scores.probabilities().get(CARD)).isGreaterThan(scores.probabilities().get(TOP_UP));
    }
}

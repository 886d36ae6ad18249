package io.repdesk.need.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.repdesk.shared.NeedId;

class NeedModelTests {

    final NeedModel model = new NeedModel();
    final NeedId north = NeedId.random();
    final NeedId east = NeedId.random();

    static float[] unit(float... v) {
        double n = 0;
        for (float x : v) {
            n += x * x;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (v[i] / Math.sqrt(n));
        }
        return out;
    }

    @AfterEach
    void stop() {
        model.destroy();
    }

    @Test
    void learnsFromEachConfirmedExampleAtOnce() {
        model.confirmed(north, null, List.of(unit(0, 1, 0.1f)));
        model.confirmed(east, null, List.of(unit(1, 0, 0.1f)));
        model.confirmed(north, null, List.of(unit(0.1f, 1, 0)));
        model.confirmed(east, null, List.of(unit(1, 0.1f, 0)));

        assertThat(model.probabilities(unit(0.1f, 1, 0.1f)).get(north)).isGreaterThan(0.5);
        assertThat(model.probabilities(unit(1, 0.1f, 0.1f)).get(east)).isGreaterThan(0.5);
        assertThat(model.examples(north)).isEqualTo(2);
    }

    @Test
    void aCorrectionMovesTheExampleToTheOtherNeedAtOnce() {
        float[] x = unit(0.7f, 0.7f, 0);
        model.confirmed(north, null, List.of(unit(0, 1, 0), x));
        model.confirmed(east, null, List.of(unit(1, 0, 0)));
        double before = model.probabilities(x).get(east);

        model.confirmed(east, north, List.of(x));

        assertThat(model.probabilities(x).get(east)).isGreaterThan(before).isGreaterThan(0.5);
        assertThat(model.examples(north)).isEqualTo(1);
        assertThat(model.examples(east)).isEqualTo(2);
    }

    @Test
    void whatTheIndexHandsOverAtStartIsLearnedByOneRefit() {
        model.reset();
        for (int i = 0; i < 30; i++) {
            model.confirmed(north, null, List.of(unit(0.05f * (i % 3), 1, 0)));
            model.confirmed(east, null, List.of(unit(1, 0.05f * (i % 3), 0)));
        }
        model.refit();
        model.caughtUp();

        assertThat(model.examples(north)).isEqualTo(30);
        assertThat(model.probabilities(unit(0, 1, 0.2f)).get(north)).isGreaterThan(0.9);
    }

    @Test
    void aRefitKeepsWhatWasLearned() {
        for (int i = 0; i < 20; i++) {
            model.confirmed(north, null, List.of(unit(0.05f * (i % 3), 1, 0)));
            model.confirmed(east, null, List.of(unit(1, 0.05f * (i % 3), 0)));
        }

        model.refit();

        assertThat(model.probabilities(unit(0, 1, 0.2f)).get(north)).isGreaterThan(0.9);
        assertThat(model.probabilities(unit(1, 0, 0.2f)).get(east)).isGreaterThan(0.9);
    }

    @Test
    void withManyNeedsACorrectionStillMovesTheNextPrediction() {
        java.util.Random random = new java.util.Random(5);
        List<NeedId> needs = new java.util.ArrayList<>();
        for (int n = 0; n < NeedModel.UPDATE_LIMIT * 2; n++) {
            float[] v = new float[16];
            for (int i = 0; i < v.length; i++) {
                v[i] = (float) random.nextGaussian();
            }
            NeedId need = NeedId.random();
            needs.add(need);
            model.confirmed(need, null, List.of(unit(v)));
        }
        float[] x = unit(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
        NeedId chosen = needs.get(7);
        double before = model.probabilities(x).getOrDefault(chosen, 0.0);

        model.confirmed(chosen, null, List.of(x));

        java.util.Map<NeedId, Double> after = model.probabilities(x);
        assertThat(after).hasSizeLessThanOrEqualTo(NeedModel.RETURNED);
        assertThat(after.get(chosen)).isGreaterThan(5 * before);
        assertThat(after.values().stream().filter(p -> p > after.get(chosen)).count()).isLessThan(3);
    }

    @Test
    void whenARefitCostsTooMuchEachNeedScoresByItsCentroid() {
        model.refitBudget(1);
        model.reset();
        for (int i = 0; i < 10; i++) {
            model.confirmed(north, null, List.of(unit(0.1f * (i % 4), 1, 0)));
            model.confirmed(east, null, List.of(unit(1, 0.1f * (i % 4), 0)));
        }
        model.caughtUp();
        model.refit();

        assertThat(model.probabilities(unit(0.2f, 1, 0)).get(north)).isGreaterThan(0.9);
        assertThat(model.probabilities(unit(1, 0.2f, 0)).get(east)).isGreaterThan(0.9);
        assertThat(model.centroids().get(north)[1]).isGreaterThan(0.9f);
    }
}

package io.repdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionEvaluationTests {

    @Test
    void keepsEveryEighthRowOfACategoryForTuningAtMostTenAndTheRestAsHistory() {
        List<LabelledText> rows = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            rows.add(new LabelledText("card text " + i, "card_arrival"));
            if (i < 20) {
                rows.add(new LabelledText("rate text " + i, "exchange_rate"));
            }
        }
        List<LabelledText> history = new ArrayList<>();
        List<LabelledText> tuning = new ArrayList<>();
        SuggestionEvaluation.split(rows, history, tuning);

        assertThat(tuning).filteredOn(r -> r.category().equals("card_arrival")).hasSize(10)
                .extracting(LabelledText::text).startsWith("card text 7", "card text 15");
        assertThat(tuning).filteredOn(r -> r.category().equals("exchange_rate")).hasSize(2);
        assertThat(history).hasSize(rows.size() - tuning.size()).doesNotContainAnyElementsOf(tuning);
    }

    @Test
    void figuresCountPrecisionOverTextsShownAnythingAndRecallOverTextsWithAnAnswer() {
        var figures = new SuggestionEvaluation.Figures(10, 8, 9, 6, 4, 5, 3);
        assertThat(figures.precision()).isEqualTo(6 / 9.0);
        assertThat(figures.recall()).isEqualTo(6 / 8.0);
        assertThat(figures.top1()).isEqualTo(4 / 8.0);
        assertThat(figures.f1()).isCloseTo(2 * (6 / 9.0) * (6 / 8.0) / (6 / 9.0 + 6 / 8.0),
                org.assertj.core.api.Assertions.within(1e-12));
        assertThat(figures.needFirstPrecision()).isEqualTo(3 / 5.0);
        assertThat(figures.needFirstRecall()).isEqualTo(3 / 8.0);
        assertThat(SuggestionEvaluation.NEED_CONFIDENCE).startsWith(0.2f).endsWith(0.6f).hasSize(9);
        assertThat(SuggestionEvaluation.axis(SuggestionEvaluation.MIN_SIMILARITY, 0.62f)).hasSize(9).contains(0.62f);
        assertThat(SuggestionEvaluation.MIN_SIMILARITY).startsWith(0.45f).endsWith(0.8f).hasSize(8);
    }
}

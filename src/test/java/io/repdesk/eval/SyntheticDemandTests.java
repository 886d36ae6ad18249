package io.repdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.HashSet;
import java.util.Random;

import org.junit.jupiter.api.Test;

class SyntheticDemandTests {

    @Test
    void needTitlesAreDistinctAndTheSameForTheSameSeed() {
        SyntheticDemand demand = new SyntheticDemand(10_000, 0.9, 1);

        assertThat(new HashSet<>(demand.titles())).hasSize(10_000);
        assertThat(new SyntheticDemand(10_000, 0.9, 1).titles()).isEqualTo(demand.titles());
        assertThat(new SyntheticDemand(10_000, 0.9, 2).titles()).isNotEqualTo(demand.titles());
    }

    @Test
    void contactsFavourTheFirstNeedsButReachTheRare() {
        SyntheticDemand demand = new SyntheticDemand(1_000, 0.9, 1);
        Random random = new Random(3);
        int[] counts = new int[1_000];
        for (int i = 0; i < 100_000; i++) {
            counts[demand.drawNeed(random)]++;
        }

        assertThat(counts[0]).isGreaterThan(10 * counts[500]);
        assertThat(java.util.Arrays.stream(counts).filter(c -> c > 0).count()).isGreaterThan(990);
    }

    @Test
    void contactsAndQuestionsWordTheNeed() {
        SyntheticDemand demand = new SyntheticDemand(50, 0.9, 1);
        Random random = new Random(4);
        String title = demand.title(7);

        assertThat(demand.contactText(7, random).toLowerCase()).contains(title.substring(1).toLowerCase());
        assertThat(demand.question(7, random)).isNotEqualTo(title);
    }

    @Test
    void tooManyNeedsForTheVocabularyAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new SyntheticDemand(SyntheticDemand.MAX_NEEDS + 1, 0.9, 1))
                .withMessageContaining("needs must be from 1 to " + SyntheticDemand.MAX_NEEDS);
    }
}

package io.repdesk.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class SurveyScoreTests {

    @Test
    void takesWholeScoresFromOneToFive() {
        assertThat(Surveys.score("1")).isEqualTo(1);
        assertThat(Surveys.score(" 5 ")).isEqualTo(5);
    }

    @Test
    void refusesMissingOutOfRangeAndNonNumericScoresNamingTheField() {
        for (String bad : new String[] { null, "", "0", "6", "4.5", "four" }) {
            assertThatThrownBy(() -> Surveys.score(bad)).as(String.valueOf(bad)).isInstanceOf(InvalidInput.class)
                    .extracting(e -> ((InvalidInput) e).field()).isEqualTo("score");
        }
    }

    @Test
    void surveysAreOnForTwoWeeksAndNotResentWithinThirtyDaysUnlessConfigured() {
        SurveySettings defaults = new SurveySettings(true, null, null, null);
        assertThat(defaults.validity()).isEqualTo(Duration.ofDays(14));
        assertThat(defaults.resendAfter()).isEqualTo(Duration.ofDays(30));
        assertThat(defaults.baseUrl()).hasToString("http://localhost:8080");
    }
}

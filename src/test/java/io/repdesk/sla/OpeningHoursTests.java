package io.repdesk.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class OpeningHoursTests {

    @Test
    void parsesARangeAndWritesItBack() {
        OpeningHours hours = OpeningHours.parse(" 09:00 - 17:30 ");

        assertThat(hours.opens()).isEqualTo(LocalTime.of(9, 0));
        assertThat(hours.closes()).isEqualTo(LocalTime.of(17, 30));
        assertThat(hours.nominalLength()).isEqualTo(Duration.ofMinutes(510));
        assertThat(hours).hasToString("09:00-17:30");
    }

    @Test
    void twentyFourHundredMeansTheEndOfTheDay() {
        OpeningHours evening = OpeningHours.parse("22:00-24:00");

        assertThat(evening.closesAtEndOfDay()).isTrue();
        assertThat(evening.nominalLength()).isEqualTo(Duration.ofHours(2));
        assertThat(evening).hasToString("22:00-24:00");
        assertThat(OpeningHours.parse("00:00-24:00")).isEqualTo(OpeningHours.ALL_DAY);
        assertThat(OpeningHours.ALL_DAY.nominalLength()).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void rejectsHoursThatDoNotOpenBeforeTheyClose() {
        assertThatThrownBy(() -> OpeningHours.parse("17:00-09:00")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("must open before they close").hasMessageContaining("17:00-09:00");
        assertThatThrownBy(() -> new OpeningHours(LocalTime.of(9, 0), LocalTime.of(9, 0)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("openingHours");
                    assertThat(e.reason()).contains("09:00-09:00");
                });
    }

    @Test
    void rejectsTextThatIsNoTimeRange() {
        assertThatThrownBy(() -> OpeningHours.parse("9 to 5")).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("'9 to 5' is not a time range");
        assertThatThrownBy(() -> OpeningHours.parse("24:00-25:00")).isInstanceOf(InvalidInput.class);
    }

    @Test
    void touchingIntervalsDoNotOverlap() {
        assertThat(OpeningHours.parse("09:00-12:00").overlaps(OpeningHours.parse("12:00-13:00"))).isFalse();
        assertThat(OpeningHours.parse("09:00-12:01").overlaps(OpeningHours.parse("12:00-13:00"))).isTrue();
        assertThat(OpeningHours.parse("20:00-24:00").overlaps(OpeningHours.parse("23:00-23:30"))).isTrue();
    }
}

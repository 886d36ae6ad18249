package io.repdesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PeriodsTests {

    @Test
    void aRangeIsCoveredByWholeMonthsWeekPiecesAndEdgeDays() {
        // Thursday 3 September to Wednesday 25 November 2026.
        Periods periods = Periods.covering(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 11, 25));
        assertThat(periods.months()).containsExactly(LocalDate.of(2026, 10, 1));
        assertThat(periods.weeks()).containsExactly(LocalDate.of(2026, 9, 7), LocalDate.of(2026, 9, 14),
                LocalDate.of(2026, 9, 21), LocalDate.of(2026, 9, 28), LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16));
        assertThat(periods.days()).containsExactly(LocalDate.of(2026, 9, 3), LocalDate.of(2026, 9, 4),
                LocalDate.of(2026, 9, 5), LocalDate.of(2026, 9, 6), LocalDate.of(2026, 11, 23),
                LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));
    }

    @Test
    void everyDayOfAnyRangeFallsInExactlyOneOfItsPeriods() {
        Random random = new Random(3);
        for (int run = 0; run < 500; run++) {
            LocalDate from = LocalDate.of(2024, 1, 1).plusDays(random.nextInt(900));
            LocalDate to = from.plusDays(random.nextInt(400));
            Periods periods = Periods.covering(from, to);
            List<LocalDate> covered = new ArrayList<>(periods.days());
            for (LocalDate week : periods.weeks()) {
                for (LocalDate day = week; Periods.week(day).equals(week); day = day.plusDays(1)) {
                    covered.add(day);
                }
            }
            for (LocalDate month : periods.months()) {
                month.datesUntil(month.plusMonths(1)).forEach(covered::add);
            }
            assertThat(covered).as(from + " to " + to).hasSize((int) (to.toEpochDay() - from.toEpochDay() + 1))
                    .doesNotHaveDuplicates().allMatch(day -> !day.isBefore(from) && !day.isAfter(to));
            assertThat(periods.days().size() + periods.weeks().size() + periods.months().size())
                    .as("periods for " + from + " to " + to).isLessThanOrEqualTo(40);
        }
    }
}

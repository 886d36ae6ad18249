package io.repdesk.sla;

import static io.repdesk.sla.Calendars.ny;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.TUESDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class BusinessCalendarTests {

    final BusinessCalendar office = Calendars.newYorkOffice();

    @Test
    void rejectsOverlappingHoursNamingTheDayAndBothIntervals() {
        var builder = BusinessCalendar.builder("Overlap", "UTC").hours(TUESDAY, "11:00-14:00", "09:00-12:00");

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("weeklyHours");
            assertThat(e.reason()).isEqualTo("overlap on TUESDAY: 09:00-12:00 and 11:00-14:00");
        });
    }

    @Test
    void rejectsOverlappingSpecialHoursNamingTheDate() {
        var builder = BusinessCalendar.builder("Overlap", "UTC").weekdays("09:00-17:00")
                .specialHours(LocalDate.of(2025, 12, 24), "09:00-12:00", "10:00-24:00");

        assertThatThrownBy(builder::build).isInstanceOf(InvalidInput.class)
                .hasMessage("specialDays overlap on 2025-12-24: 09:00-12:00 and 10:00-24:00");
    }

    @Test
    void rejectsHoursThatCloseBeforeTheyOpen() {
        assertThatThrownBy(() -> BusinessCalendar.builder("Backwards", "UTC").hours(MONDAY, "17:00-09:00"))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("17:00-09:00 does not");
    }

    @Test
    void rejectsACalendarThatIsNeverOpen() {
        var builder = BusinessCalendar.builder("Closed", "UTC").holidays(LocalDate.of(2025, 1, 1));

        assertThatThrownBy(builder::build).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("weeklyHours");
            assertThat(e.reason()).contains("no open hours").contains("'Closed'");
        });
    }

    @Test
    void rejectsAnUnknownZoneAndABlankName() {
        assertThatThrownBy(() -> BusinessCalendar.builder("Mars", "Mars/Olympus_Mons"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("zone");
                    assertThat(e.reason()).contains("'Mars/Olympus_Mons' is not a known time zone");
                });
        assertThatThrownBy(() -> new BusinessCalendar(" ", ZoneOffset.UTC,
                Map.of(MONDAY, List.of(OpeningHours.ALL_DAY)), Map.of())).isInstanceOf(InvalidInput.class)
                .hasMessage("name must not be blank");
    }

    @Test
    void keepsEachDaysHoursInOrderAndListsHolidays() {
        var calendar = BusinessCalendar.builder("Split", "Europe/Berlin").hours(MONDAY, "13:00-17:00", "08:00-12:00")
                .build();

        assertThat(calendar.weeklyHours().get(MONDAY)).map(OpeningHours::toString)
                .containsExactly("08:00-12:00", "13:00-17:00");
        assertThat(calendar.weeklyHours().get(TUESDAY)).isEmpty();
        assertThat(office.holidays()).containsExactly(LocalDate.of(2025, 7, 4), LocalDate.of(2025, 12, 25));
        assertThat(office.hoursOn(LocalDate.of(2025, 12, 24))).containsExactly(OpeningHours.parse("09:00-12:00"));
        assertThat(office.hoursOn(LocalDate.of(2025, 12, 23))).containsExactly(OpeningHours.parse("09:00-17:00"));
    }

    @Test
    void isOpenInLocalHoursWhateverZoneTheInstantIsWrittenIn() {
        // 09:00 in New York is 13:00 UTC in summer and 14:00 UTC in winter
        assertThat(office.isOpen(Instant.parse("2025-06-09T13:00:00Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2025-06-09T12:59:59Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2025-01-06T13:30:00Z"))).isFalse();
        assertThat(office.isOpen(Instant.parse("2025-01-06T14:00:00Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2025-01-06T21:59:59Z"))).isTrue();
        assertThat(office.isOpen(Instant.parse("2025-01-06T22:00:00Z"))).isFalse();
    }

    @Test
    void isClosedOnWeekendsHolidaysAndAfterSpecialHours() {
        assertThat(office.isOpen(ny("2025-06-07T12:00"))).isFalse();
        assertThat(office.isOpen(ny("2025-07-04T12:00"))).isFalse();
        assertThat(office.isOpen(ny("2025-12-24T11:59"))).isTrue();
        assertThat(office.isOpen(ny("2025-12-24T12:00"))).isFalse();
    }

    @Test
    void nextOpeningSkipsNightsWeekendsAndHolidays() {
        assertThat(office.nextOpening(ny("2025-06-09T10:15"))).isEqualTo(ny("2025-06-09T10:15"));
        assertThat(office.nextOpening(ny("2025-06-09T17:00"))).isEqualTo(ny("2025-06-10T09:00"));
        assertThat(office.nextOpening(ny("2025-06-06T18:00"))).isEqualTo(ny("2025-06-09T09:00"));
        assertThat(office.nextOpening(ny("2025-07-03T17:30"))).isEqualTo(ny("2025-07-07T09:00"));
        assertThat(office.nextOpening(ny("2025-12-24T12:00"))).isEqualTo(ny("2025-12-26T09:00"));
    }

    @Test
    void aNineToFiveDayIsEightHoursOnTheDaysTheClocksChange() {
        var everyDay = Calendars.newYorkEveryDay();

        assertThat(everyDay.businessTimeBetween(ny("2025-03-09T00:00"), ny("2025-03-10T00:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(everyDay.businessTimeBetween(ny("2025-11-02T00:00"), ny("2025-11-03T00:00")))
                .isEqualTo(Duration.ofHours(8));
        assertThat(everyDay.addBusinessTime(ny("2025-03-08T16:00"), Duration.ofHours(2)))
                .isEqualTo(ny("2025-03-09T10:00"));
    }

    @Test
    void aWholeDayLastsTwentyThreeOrTwentyFiveHoursWhenTheClocksChange() {
        var roundTheClock = Calendars.newYorkRoundTheClock();

        assertThat(roundTheClock.businessTimeBetween(ny("2025-03-09T00:00"), ny("2025-03-10T00:00")))
                .isEqualTo(Duration.ofHours(23));
        assertThat(roundTheClock.businessTimeBetween(ny("2025-11-02T00:00"), ny("2025-11-03T00:00")))
                .isEqualTo(Duration.ofHours(25));
        assertThat(roundTheClock.addBusinessTime(ny("2025-03-08T12:00"), Duration.ofHours(24)))
                .isEqualTo(ny("2025-03-09T13:00"));
        assertThat(roundTheClock.businessTimeBetween(ny("2025-12-24T12:00"), ny("2025-12-26T12:00")))
                .isEqualTo(Duration.ofHours(24));
    }

    @Test
    void hoursAroundTheChangeCountOnlyTheTimeThatHappens() {
        var night = Calendars.newYorkNightDesk();

        // 00:00-06:00 loses the skipped hour in spring and gains the repeated one in autumn
        assertThat(night.businessTimeBetween(ny("2025-03-09T00:00"), ny("2025-03-09T12:00")))
                .isEqualTo(Duration.ofHours(5));
        assertThat(night.businessTimeBetween(ny("2025-11-02T00:00"), ny("2025-11-02T12:00")))
                .isEqualTo(Duration.ofHours(7));
        var gap = BusinessCalendar.builder("Gap", Calendars.NEW_YORK).everyDay(OpeningHours.parse("02:30-04:00"))
                .build();
        assertThat(gap.businessTimeBetween(ny("2025-03-09T00:00"), ny("2025-03-09T12:00")))
                .isEqualTo(Duration.ofHours(1));
        assertThat(gap.nextOpening(ny("2025-03-09T00:00"))).isEqualTo(ny("2025-03-09T03:00"));
    }

    @Test
    void aHalfHourChangeIsHandledToo() {
        var lordHowe = Calendars.lordHowe();
        var day = LocalDate.of(2025, 4, 6);

        // that night 01:30-02:00 happens twice (clocks go back half an hour), so 01:00-03:00 lasts 2.5 hours
        assertThat(lordHowe.businessTimeBetween(day.atStartOfDay(lordHowe.zone()).toInstant(),
                day.atTime(6, 0).atZone(lordHowe.zone()).toInstant())).isEqualTo(Duration.ofMinutes(150));
    }

    @Test
    void twentyFourSevenCountsWallClockTime() {
        var always = BusinessCalendar.twentyFourSeven();
        var from = ny("2025-03-08T12:00");

        assertThat(always.isOpen(from)).isTrue();
        assertThat(always.nextOpening(from)).isEqualTo(from);
        assertThat(always.businessTimeBetween(from, ny("2025-03-09T12:00"))).isEqualTo(Duration.ofHours(23));
        assertThat(always.addBusinessTime(from, Duration.ofDays(30))).isEqualTo(from.plus(Duration.ofDays(30)));
    }

    @Test
    void calendarsWithTheSameRulesAreEqual() {
        assertThat(Calendars.newYorkOffice()).isEqualTo(office).hasSameHashCodeAs(office)
                .isNotEqualTo(Calendars.newYorkEveryDay());
        assertThat(office).hasToString("New York office (America/New_York)");
    }
}

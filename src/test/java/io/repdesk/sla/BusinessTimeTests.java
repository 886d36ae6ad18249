package io.repdesk.sla;

import static io.repdesk.sla.Calendars.ny;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class BusinessTimeTests {

    final BusinessCalendar office = Calendars.newYorkOffice();

    @Test
    void countsOnlyOpenHoursAcrossAWeekend() {
        assertThat(office.businessTimeBetween(ny("2025-06-06T16:00"), ny("2025-06-09T10:00")))
                .isEqualTo(Duration.ofHours(2));
        assertThat(office.addBusinessTime(ny("2025-06-06T16:00"), Duration.ofHours(4)))
                .isEqualTo(ny("2025-06-09T12:00"));
    }

    @Test
    void skipsHolidaysAndCountsShortDays() {
        // Friday 4 July is a holiday
        assertThat(office.businessTimeBetween(ny("2025-07-03T16:00"), ny("2025-07-07T10:00")))
                .isEqualTo(Duration.ofHours(2));
        // Christmas Eve 09:00-12:00, Christmas closed
        assertThat(office.businessTimeBetween(ny("2025-12-24T08:00"), ny("2025-12-26T10:00")))
                .isEqualTo(Duration.ofHours(4));
        assertThat(office.addBusinessTime(ny("2025-12-24T11:00"), Duration.ofHours(2)))
                .isEqualTo(ny("2025-12-26T10:00"));
    }

    @Test
    void addingFromOutsideHoursStartsAtTheNextOpening() {
        assertThat(office.addBusinessTime(ny("2025-06-07T03:00"), Duration.ofMinutes(30)))
                .isEqualTo(ny("2025-06-09T09:30"));
        assertThat(office.addBusinessTime(ny("2025-06-09T06:00"), Duration.ZERO)).isEqualTo(ny("2025-06-09T06:00"));
    }

    @Test
    void endsAtTheClosingInstantRatherThanTheNextOpening() {
        assertThat(office.addBusinessTime(ny("2025-06-09T09:00"), Duration.ofHours(8)))
                .isEqualTo(ny("2025-06-09T17:00"));
        assertThat(office.addBusinessTime(ny("2025-06-09T09:00"), Duration.ofHours(40)))
                .isEqualTo(ny("2025-06-13T17:00"));
    }

    @Test
    void countsLongSpansExactly() {
        // 2025-06-02 to 2025-09-01: 13 weeks of 40 hours, less 4 July
        assertThat(office.businessTimeBetween(ny("2025-06-02T00:00"), ny("2025-09-01T00:00")))
                .isEqualTo(Duration.ofHours(13 * 40 - 8));
        assertThat(office.addBusinessTime(ny("2025-06-02T00:00"), Duration.ofHours(13 * 40 - 8)))
                .isEqualTo(ny("2025-08-29T17:00"));
        assertThat(office.addBusinessTime(ny("2025-01-06T09:00"), Duration.ofHours(30 * 8)))
                .isEqualTo(ny("2025-02-14T17:00"));
    }

    @Test
    void isNegativeBackwardsAndRejectsNegativeAmounts() {
        assertThat(office.businessTimeBetween(ny("2025-06-09T12:00"), ny("2025-06-09T10:00")))
                .isEqualTo(Duration.ofHours(-2));
        assertThatThrownBy(() -> office.addBusinessTime(ny("2025-06-09T12:00"), Duration.ofHours(-1)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("must not be negative");
    }

    @Test
    void agreesWithADayByDayCountOverRandomSpans() {
        for (BusinessCalendar calendar : calendars()) {
            SplittableRandom random = new SplittableRandom(42);
            for (int i = 0; i < 300; i++) {
                Instant from = randomInstant(random);
                Instant to = from.plusSeconds(random.nextLong(400L * 24 * 3600));
                assertThat(calendar.businessTimeBetween(from, to)).as("%s from %s to %s", calendar, from, to)
                        .isEqualTo(dayByDay(calendar, from, to));
            }
        }
    }

    @Test
    void addingIsTheInverseOfCountingAndFindsTheEarliestInstant() {
        for (BusinessCalendar calendar : calendars()) {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < 1000; i++) {
                Instant start = randomInstant(random);
                Duration amount = Duration.ofSeconds(1 + random.nextLong(i % 2 == 0 ? 3 * 3600 : 60L * 8 * 3600));
                Instant end = calendar.addBusinessTime(start, amount);

                assertThat(calendar.businessTimeBetween(start, end)).as("%s + %s from %s", calendar, amount, start)
                        .isEqualTo(amount);
                assertThat(calendar.businessTimeBetween(start, end.minusNanos(1))).isLessThan(amount);
                assertThat(calendar.isOpen(end.minusNanos(1))).isTrue();
            }
        }
    }

    @Test
    void countingIsAdditiveAndUndoesAdding() {
        for (BusinessCalendar calendar : calendars()) {
            SplittableRandom random = new SplittableRandom(11);
            for (int i = 0; i < 1000; i++) {
                Instant a = randomInstant(random);
                Instant b = a.plusSeconds(random.nextLong(40L * 24 * 3600));
                Instant c = b.plusSeconds(random.nextLong(40L * 24 * 3600));
                Duration ab = calendar.businessTimeBetween(a, b);

                assertThat(ab.plus(calendar.businessTimeBetween(b, c))).isEqualTo(calendar.businessTimeBetween(a, c));
                assertThat(calendar.addBusinessTime(a, ab)).isBeforeOrEqualTo(b);
                assertThat(calendar.businessTimeBetween(calendar.addBusinessTime(a, ab), b)).isZero();
            }
        }
    }

    @Test
    void nextOpeningIsOpenAndNothingBeforeItIs() {
        for (BusinessCalendar calendar : calendars()) {
            SplittableRandom random = new SplittableRandom(3);
            for (int i = 0; i < 500; i++) {
                Instant at = randomInstant(random);
                Instant opening = calendar.nextOpening(at);

                assertThat(calendar.isOpen(opening)).isTrue();
                assertThat(calendar.businessTimeBetween(at, opening)).isZero();
                assertThat(calendar.isOpen(at)).isEqualTo(opening.equals(at));
            }
        }
    }

    static List<BusinessCalendar> calendars() {
        return List.of(Calendars.newYorkOffice(), Calendars.newYorkNightDesk(), Calendars.newYorkRoundTheClock(),
                Calendars.berlinSplitShift(), Calendars.lordHowe(), BusinessCalendar.twentyFourSeven());
    }

    /** 2024 to 2027; half the time on a whole quarter hour, where openings and closings fall. */
    static Instant randomInstant(SplittableRandom random) {
        long seconds = Instant.parse("2024-01-01T00:00:00Z").getEpochSecond() + random.nextLong(3L * 365 * 24 * 3600);
        Instant at = Instant.ofEpochSecond(seconds, random.nextInt(1_000_000_000));
        return random.nextBoolean() ? Instant.ofEpochSecond(seconds - seconds % 900) : at;
    }

    /** The obvious count, one local day at a time, each interval placed with ZonedDateTime. */
    static Duration dayByDay(BusinessCalendar calendar, Instant from, Instant to) {
        Duration total = Duration.ZERO;
        LocalDate last = LocalDate.ofInstant(to, calendar.zone()).plusDays(1);
        for (LocalDate day = LocalDate.ofInstant(from, calendar.zone()).minusDays(1); !day.isAfter(last);
                day = day.plusDays(1)) {
            for (OpeningHours hours : calendar.hoursOn(day)) {
                Instant opens = ZonedDateTime.of(day, hours.opens(), calendar.zone()).toInstant();
                Instant closes = hours.closesAtEndOfDay() ? day.plusDays(1).atStartOfDay(calendar.zone()).toInstant()
                        : ZonedDateTime.of(day, hours.closes(), calendar.zone()).toInstant();
                Instant start = opens.isAfter(from) ? opens : from;
                Instant end = closes.isBefore(to) ? closes : to;
                if (end.isAfter(start)) {
                    total = total.plus(Duration.between(start, end));
                }
            }
        }
        return total;
    }
}

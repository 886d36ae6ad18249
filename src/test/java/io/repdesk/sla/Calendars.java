package io.repdesk.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Calendars and local-time instants the SLA tests share. */
final class Calendars {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private Calendars() {
    }

    /** Weekdays 09:00-17:00 in New York; closed 4 July and Christmas 2025, Christmas Eve until noon. */
    static BusinessCalendar newYorkOffice() {
        return BusinessCalendar.builder("New York office", "America/New_York").weekdays("09:00-17:00")
                .holidays(LocalDate.of(2025, 7, 4), LocalDate.of(2025, 12, 25))
                .specialHours(LocalDate.of(2025, 12, 24), "09:00-12:00").build();
    }

    /** 09:00-17:00 on all seven days in New York, so the Sundays the clocks change are open. */
    static BusinessCalendar newYorkEveryDay() {
        return BusinessCalendar.builder("New York every day", NEW_YORK).everyDay(OpeningHours.parse("09:00-17:00"))
                .build();
    }

    /** Open round the clock in New York except on Christmas Day, so daylight saving shows in day lengths. */
    static BusinessCalendar newYorkRoundTheClock() {
        return BusinessCalendar.builder("New York round the clock", NEW_YORK).everyDay(OpeningHours.ALL_DAY)
                .holidays(LocalDate.of(2025, 12, 25)).build();
    }

    /** A night desk across midnight, 22:00-24:00 and 00:00-06:00 daily, so the clock changes fall inside. */
    static BusinessCalendar newYorkNightDesk() {
        return BusinessCalendar.builder("New York night desk", NEW_YORK)
                .everyDay(OpeningHours.parse("00:00-06:00"), OpeningHours.parse("22:00-24:00")).build();
    }

    /** Split weekday hours in Berlin with a short Saturday and a few holidays. */
    static BusinessCalendar berlinSplitShift() {
        return BusinessCalendar.builder("Berlin", "Europe/Berlin").weekdays("08:00-12:30", "13:30-18:00")
                .hours(java.time.DayOfWeek.SATURDAY, "10:00-14:00")
                .holidays(LocalDate.of(2025, 10, 3), LocalDate.of(2025, 12, 25), LocalDate.of(2025, 12, 26),
                        LocalDate.of(2026, 1, 1))
                .build();
    }

    /** Lord Howe Island moves its clocks by half an hour, at 02:00 local time. */
    static BusinessCalendar lordHowe() {
        return BusinessCalendar.builder("Lord Howe", "Australia/Lord_Howe").everyDay(OpeningHours.parse("01:00-03:00"),
                OpeningHours.parse("09:00-17:00")).build();
    }

    /** The instant of a New York wall-clock time such as {@code 2025-06-09T10:00}. */
    static Instant ny(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(NEW_YORK).toInstant();
    }
}

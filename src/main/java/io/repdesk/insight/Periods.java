package io.repdesk.insight;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of days cut into as few periods as the period rollups hold: whole months, weeks within a month (a week that
 * spans two months is two periods, one in each) and single days at the edges. A year is at most a dozen months, a
 * few weeks and a dozen days, so a dashboard adds up tens of rows per organization or need, not hundreds.
 */
record Periods(List<LocalDate> days, List<LocalDate> weeks, List<LocalDate> months) {

    /** The grains a period rollup keeps, by the code its {@code grain} column holds. */
    static final String DAY = "D";
    static final String WEEK = "W";
    static final String MONTH = "M";

    /** The periods that together cover the days from {@code from} to {@code to}, both included, once each. */
    static Periods covering(LocalDate from, LocalDate to) {
        List<LocalDate> days = new ArrayList<>();
        List<LocalDate> weeks = new ArrayList<>();
        List<LocalDate> months = new ArrayList<>();
        LocalDate day = from;
        while (!day.isAfter(to)) {
            if (day.getDayOfMonth() == 1 && !monthEnd(day).isAfter(to)) {
                months.add(day);
                day = monthEnd(day).plusDays(1);
            } else if (week(day).equals(day) && !weekEnd(day).isAfter(to)) {
                weeks.add(day);
                day = weekEnd(day).plusDays(1);
            } else {
                days.add(day);
                day = day.plusDays(1);
            }
        }
        return new Periods(days, weeks, months);
    }

    /** The start of the week piece a day falls in: its Monday, or the first of its month if that is later. */
    static LocalDate week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        LocalDate first = day.withDayOfMonth(1);
        return monday.isBefore(first) ? first : monday;
    }

    static LocalDate month(LocalDate day) {
        return day.withDayOfMonth(1);
    }

    /** The start of the period of that grain a day falls in. */
    static LocalDate start(String grain, LocalDate day) {
        return switch (grain) {
            case DAY -> day;
            case WEEK -> week(day);
            case MONTH -> month(day);
            default -> throw new IllegalArgumentException("No grain " + grain);
        };
    }

    /** The last day of the week piece that starts on {@code start}. */
    private static LocalDate weekEnd(LocalDate start) {
        LocalDate sunday = start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
        LocalDate last = monthEnd(start);
        return sunday.isAfter(last) ? last : sunday;
    }

    private static LocalDate monthEnd(LocalDate day) {
        return day.with(TemporalAdjusters.lastDayOfMonth());
    }
}

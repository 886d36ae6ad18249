package io.repdesk.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * Counting and adding business time on a {@link Schedule}, in nanoseconds. Visits at most a handful
 * of days at each end of a span; the whole weeks between are counted by {@link Schedule#wholeDays},
 * so a month-long target costs about as much as a day-long one.
 */
final class BusinessTime {

    /** Days visited one by one at each end: the instant's local day and one either side, for safety. */
    private static final int EDGE_DAYS = 3;

    private final Schedule schedule;

    BusinessTime(Schedule schedule) {
        this.schedule = schedule;
    }

    /** Business time in {@code [from, to)}; {@code from} must not be after {@code to}. */
    long between(Instant from, Instant to) {
        if (schedule.alwaysOpen()) {
            return nanos(from, to);
        }
        LocalDate first = schedule.date(from).minusDays(1);
        LocalDate last = schedule.date(to).plusDays(1);
        if (ChronoUnit.DAYS.between(first, last) < 2 * EDGE_DAYS + 2) {
            return clipped(first, last, from, to);
        }
        LocalDate middle = first.plusDays(EDGE_DAYS);
        LocalDate end = last.minusDays(EDGE_DAYS - 1);
        return clipped(first, middle.minusDays(1), from, to) + schedule.wholeDays(middle, end)
                + clipped(end, last, from, to);
    }

    /** The earliest instant by which {@code amount} of business time has passed since {@code start}. */
    Instant add(Instant start, long amount) {
        if (amount == 0 || schedule.alwaysOpen()) {
            return start.plusNanos(amount);
        }
        long remaining = amount;
        LocalDate day = schedule.date(start).minusDays(1);
        for (int visited = 0;; visited++, day = day.plusDays(1)) {
            for (long weeks = visited < EDGE_DAYS ? 0 : (remaining - 1) / schedule.weekNominal(); weeks > 0;
                    weeks /= 2) {
                long span = schedule.wholeDays(day, day.plusWeeks(weeks));
                if (span < remaining) {
                    day = day.plusWeeks(weeks);
                    remaining -= span;
                    break;
                }
            }
            Instant[] intervals = schedule.intervals(day);
            for (int i = 0; i < intervals.length; i += 2) {
                Instant opens = later(intervals[i], start);
                long open = nanos(opens, intervals[i + 1]);
                if (open >= remaining) {
                    return opens.plusNanos(remaining);
                }
                remaining -= Math.max(open, 0);
            }
        }
    }

    /** The first instant at or after {@code at} when the calendar is open. */
    Instant nextOpening(Instant at) {
        for (LocalDate day = schedule.date(at).minusDays(1);; day = day.plusDays(1)) {
            Instant[] intervals = schedule.intervals(day);
            for (int i = 0; i < intervals.length; i += 2) {
                if (intervals[i + 1].isAfter(at) && intervals[i + 1].isAfter(intervals[i])) {
                    return later(intervals[i], at);
                }
            }
        }
    }

    boolean isOpen(Instant at) {
        if (schedule.alwaysOpen()) {
            return true;
        }
        LocalDate date = schedule.date(at);
        for (LocalDate day = date.minusDays(1); !day.isAfter(date.plusDays(1)); day = day.plusDays(1)) {
            Instant[] intervals = schedule.intervals(day);
            for (int i = 0; i < intervals.length; i += 2) {
                if (!at.isBefore(intervals[i]) && at.isBefore(intervals[i + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    static long nanos(Instant from, Instant to) {
        long seconds = Math.subtractExact(to.getEpochSecond(), from.getEpochSecond());
        return Math.addExact(Math.multiplyExact(seconds, 1_000_000_000L), to.getNano() - from.getNano());
    }

    /** Business time in {@code [from, to)} on the days {@code first..last}, each visited. */
    private long clipped(LocalDate first, LocalDate last, Instant from, Instant to) {
        long total = 0;
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            Instant[] intervals = schedule.intervals(day);
            for (int i = 0; i < intervals.length; i += 2) {
                Instant opens = later(intervals[i], from);
                Instant closes = intervals[i + 1].isBefore(to) ? intervals[i + 1] : to;
                if (closes.isAfter(opens)) {
                    total += nanos(opens, closes);
                }
            }
        }
        return total;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}

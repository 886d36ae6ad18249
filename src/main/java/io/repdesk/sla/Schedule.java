package io.repdesk.sla;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A calendar's opening hours turned into instants, day by day. A local time that happens twice
 * (clocks going back) is taken at its first occurrence, and one that never happens (clocks going
 * forward) at the moment the clocks jump; that mapping never goes backwards, so the open intervals of
 * consecutive days never overlap, and a day's length follows the clock change (00:00-24:00 lasts 23 or
 * 25 hours on those days).
 */
final class Schedule {

    private static final long NANOS_PER_DAY = OpeningHours.NANOS_PER_DAY;
    /** About ten years of days; a calendar asked about more starts its cache afresh. */
    private static final int CACHED_DAYS = 4096;

    private final ZoneRules rules;
    private final boolean fixedOffset;
    /** Per {@code DayOfWeek.ordinal()}: open and close nano-of-day pairs, in order. */
    private final long[][] weekly = new long[7][];
    private final long[] dayNominal = new long[7];
    private final long weekNominal;
    private final NavigableMap<LocalDate, long[]> special = new TreeMap<>();
    private final boolean alwaysOpen;
    private final Map<LocalDate, Instant[]> days = new ConcurrentHashMap<>();

    Schedule(ZoneId zone, Map<DayOfWeek, List<OpeningHours>> weeklyHours,
            Map<LocalDate, List<OpeningHours>> specialDays) {
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset();
        long week = 0;
        boolean allDay = specialDays.isEmpty();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<OpeningHours> hours = weeklyHours.getOrDefault(day, List.of());
            weekly[day.ordinal()] = pairs(hours);
            dayNominal[day.ordinal()] = length(weekly[day.ordinal()]);
            week += dayNominal[day.ordinal()];
            allDay &= dayNominal[day.ordinal()] == NANOS_PER_DAY;
        }
        specialDays.forEach((date, hours) -> special.put(date, pairs(hours)));
        this.weekNominal = week;
        this.alwaysOpen = allDay;
    }

    /** Open every instant: every day 00:00-24:00 and no special days, whatever the clock changes. */
    boolean alwaysOpen() {
        return alwaysOpen;
    }

    /** Nominal open time of a week, in nanoseconds; positive for every valid calendar. */
    long weekNominal() {
        return weekNominal;
    }

    LocalDate date(Instant instant) {
        return LocalDate.ofInstant(instant, rules.getOffset(instant));
    }

    /**
     * The day's open intervals as instants: opening and closing pairs, in order, possibly empty. Shared
     * and cached, since clocks of many cases ask about the same few days: callers must not change it.
     */
    Instant[] intervals(LocalDate date) {
        Instant[] cached = days.get(date);
        if (cached == null) {
            if (days.size() >= CACHED_DAYS) {
                days.clear();
            }
            cached = place(date);
            days.put(date, cached);
        }
        return cached;
    }

    private Instant[] place(LocalDate date) {
        long[] local = localHours(date);
        Instant[] out = new Instant[local.length];
        for (int i = 0; i < local.length; i++) {
            out[i] = instant(date, local[i]);
        }
        return out;
    }

    /** How long the day is actually open, in nanoseconds, clock changes and special hours included. */
    long actual(LocalDate date) {
        Instant[] intervals = intervals(date);
        long total = 0;
        for (int i = 0; i < intervals.length; i += 2) {
            total += BusinessTime.nanos(intervals[i], intervals[i + 1]);
        }
        return total;
    }

    /**
     * Open time of the whole days {@code [from, to)}, in nanoseconds, without visiting each day: whole
     * weeks by multiplication, then corrections for the few days a holiday, special hours or a clock
     * change makes different from their weekday.
     */
    long wholeDays(LocalDate from, LocalDate to) {
        long days = ChronoUnit.DAYS.between(from, to);
        long total = Math.multiplyExact(days / 7, weekNominal);
        int first = from.getDayOfWeek().ordinal();
        for (int i = 0; i < days % 7; i++) {
            total += dayNominal[(first + i) % 7];
        }
        for (LocalDate date : irregularDays(from, to)) {
            total += actual(date) - dayNominal[date.getDayOfWeek().ordinal()];
        }
        return total;
    }

    private long[] localHours(LocalDate date) {
        long[] hours = special.get(date);
        return hours != null ? hours : weekly[date.getDayOfWeek().ordinal()];
    }

    private Instant instant(LocalDate date, long nanoOfDay) {
        LocalDateTime local = nanoOfDay == NANOS_PER_DAY ? date.plusDays(1).atStartOfDay()
                : LocalDateTime.of(date, LocalTime.ofNanoOfDay(nanoOfDay));
        if (!fixedOffset) {
            ZoneOffsetTransition transition = rules.getTransition(local);
            if (transition != null && transition.isGap()) {
                return transition.getInstant();
            }
        }
        // in an overlap this is the offset before the change: the first of the two occurrences
        return local.toInstant(rules.getOffset(local));
    }

    /** Days in {@code [from, to)} that may differ from their weekday; a superset is harmless. */
    private TreeSet<LocalDate> irregularDays(LocalDate from, LocalDate to) {
        TreeSet<LocalDate> days = new TreeSet<>(special.subMap(from, to).keySet());
        if (fixedOffset) {
            return days;
        }
        Instant end = to.plusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC);
        ZoneOffsetTransition change = rules.nextTransition(from.minusDays(2).atStartOfDay().toInstant(ZoneOffset.UTC));
        while (change != null && change.getInstant().isBefore(end)) {
            for (LocalDateTime side : List.of(change.getDateTimeBefore(), change.getDateTimeAfter())) {
                // a change moves the closing of the day before too, when it happens at midnight
                for (LocalDate date : List.of(side.toLocalDate(), side.toLocalDate().minusDays(1))) {
                    if (!date.isBefore(from) && date.isBefore(to)) {
                        days.add(date);
                    }
                }
            }
            change = rules.nextTransition(change.getInstant());
        }
        return days;
    }

    private static long[] pairs(List<OpeningHours> hours) {
        long[] pairs = new long[hours.size() * 2];
        for (int i = 0; i < hours.size(); i++) {
            pairs[2 * i] = hours.get(i).openNanoOfDay();
            pairs[2 * i + 1] = hours.get(i).closeNanoOfDay();
        }
        return pairs;
    }

    private static long length(long[] pairs) {
        long total = 0;
        for (int i = 0; i < pairs.length; i += 2) {
            total += pairs[i + 1] - pairs[i];
        }
        return total;
    }
}

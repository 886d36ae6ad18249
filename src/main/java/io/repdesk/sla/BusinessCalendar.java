package io.repdesk.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.InvalidInput;

/**
 * When a support team is at work: weekly opening hours in a time zone, plus special days (holidays,
 * closed all day, or days with their own hours). Service-level targets count only this time, so a
 * four-hour target set at 16:00 on a Friday falls due on Monday. Hours are local: a 09:00-17:00 day
 * is eight business hours even on a day the clocks change at night. Immutable and thread-safe.
 */
public final class BusinessCalendar {

    private final String name;
    private final ZoneId zone;
    private final Map<DayOfWeek, List<OpeningHours>> weeklyHours;
    private final NavigableMap<LocalDate, List<OpeningHours>> specialDays;
    private final BusinessTime time;

    /**
     * @param weeklyHours each weekday's opening hours; a missing day is closed
     * @param specialDays dates whose hours replace their weekday's; an empty list is a holiday
     * @throws InvalidInput when the name is blank, intervals on one day overlap, or the calendar is
     *     never open in a normal week
     */
    public BusinessCalendar(String name, ZoneId zone, Map<DayOfWeek, List<OpeningHours>> weeklyHours,
            Map<LocalDate, List<OpeningHours>> specialDays) {
        if (name.isBlank()) {
            throw new InvalidInput("name", "must not be blank");
        }
        this.name = name;
        this.zone = zone;
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            weekly.put(day, checked("weeklyHours", day.toString(), weeklyHours.getOrDefault(day, List.of())));
        }
        if (weekly.values().stream().allMatch(List::isEmpty)) {
            throw new InvalidInput("weeklyHours",
                    "has no open hours on any day: business time could never pass on calendar '" + name + "'");
        }
        NavigableMap<LocalDate, List<OpeningHours>> special = new TreeMap<>();
        specialDays.forEach((date, hours) -> special.put(date, checked("specialDays", date.toString(), hours)));
        this.weeklyHours = Collections.unmodifiableMap(weekly);
        this.specialDays = Collections.unmodifiableNavigableMap(special);
        this.time = new BusinessTime(new Schedule(zone, this.weeklyHours, this.specialDays));
    }

    /** Starts a calendar in the named IANA time zone, e.g. {@code America/New_York}. */
    public static Builder builder(String name, String zoneId) {
        return new Builder(name, zone(zoneId));
    }

    public static Builder builder(String name, ZoneId zone) {
        return new Builder(name, zone);
    }

    /** Open every hour of every day, for round-the-clock support; business time is wall-clock time. */
    public static BusinessCalendar twentyFourSeven() {
        return builder("24x7", ZoneOffset.UTC).everyDay(OpeningHours.ALL_DAY).build();
    }

    /** Resolves a time-zone id, naming the bad input when it is not one. */
    public static ZoneId zone(String zoneId) {
        try {
            return ZoneId.of(zoneId.trim());
        } catch (DateTimeException e) {
            throw new InvalidInput("zone",
                    "'" + zoneId + "' is not a known time zone (expected an IANA name like Europe/Berlin)");
        }
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return zone;
    }

    /** Every weekday's opening hours, in order; closed days map to an empty list. */
    public Map<DayOfWeek, List<OpeningHours>> weeklyHours() {
        return weeklyHours;
    }

    /** Dates with their own hours, in date order; an empty list is a holiday. */
    public NavigableMap<LocalDate, List<OpeningHours>> specialDays() {
        return specialDays;
    }

    /** The dates closed all day. */
    public NavigableSet<LocalDate> holidays() {
        TreeSet<LocalDate> holidays = new TreeSet<>();
        specialDays.forEach((date, hours) -> {
            if (hours.isEmpty()) {
                holidays.add(date);
            }
        });
        return Collections.unmodifiableNavigableSet(holidays);
    }

    /** The opening hours that apply on a date: its special hours if it has them, else its weekday's. */
    public List<OpeningHours> hoursOn(LocalDate date) {
        return specialDays.getOrDefault(date, weeklyHours.get(date.getDayOfWeek()));
    }

    public boolean isOpen(Instant at) {
        return time.isOpen(at);
    }

    /** The first instant at or after {@code at} when the calendar is open: {@code at} itself if open. */
    public Instant nextOpening(Instant at) {
        return time.nextOpening(at);
    }

    /** Open time between two instants; negative when {@code to} is before {@code from}. */
    public Duration businessTimeBetween(Instant from, Instant to) {
        if (to.isBefore(from)) {
            return Duration.ofNanos(time.between(to, from)).negated();
        }
        return Duration.ofNanos(time.between(from, to));
    }

    /**
     * The earliest instant by which {@code amount} of business time has passed since {@code start};
     * from outside opening hours the count starts at the next opening. The inverse of
     * {@link #businessTimeBetween}: {@code businessTimeBetween(start, addBusinessTime(start, d)) == d}.
     */
    public Instant addBusinessTime(Instant start, Duration amount) {
        if (amount.isNegative()) {
            throw new InvalidInput("businessTime", "must not be negative, but was " + amount);
        }
        return time.add(start, amount.toNanos());
    }

    /** Calendars are equal when they have the same name, zone, weekly hours and special days. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof BusinessCalendar that && name.equals(that.name) && zone.equals(that.zone)
                && weeklyHours.equals(that.weeklyHours) && specialDays.equals(that.specialDays);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, zone, weeklyHours, specialDays);
    }

    @Override
    public String toString() {
        return name + " (" + zone + ")";
    }

    private static List<OpeningHours> checked(String field, String day, List<OpeningHours> hours) {
        List<OpeningHours> sorted = new ArrayList<>(hours);
        sorted.sort(Comparator.comparing(OpeningHours::opens));
        for (int i = 1; i < sorted.size(); i++) {
            if (sorted.get(i - 1).overlaps(sorted.get(i))) {
                throw new InvalidInput(field, "overlap on " + day + ": " + sorted.get(i - 1) + " and " + sorted.get(i));
            }
        }
        return List.copyOf(sorted);
    }

    /** Collects opening hours day by day; later calls for the same day replace earlier ones. */
    public static final class Builder {

        private final String name;
        private final ZoneId zone;
        private final Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        private final Map<LocalDate, List<OpeningHours>> special = new TreeMap<>();

        private Builder(String name, ZoneId zone) {
            this.name = name;
            this.zone = zone;
        }

        /** Sets one weekday's hours, e.g. {@code hours(SATURDAY, "10:00-14:00")}; none closes the day. */
        public Builder hours(DayOfWeek day, String... ranges) {
            return hours(day, parse(ranges));
        }

        public Builder hours(DayOfWeek day, OpeningHours... hours) {
            weekly.put(day, List.of(hours));
            return this;
        }

        /** Sets the same hours Monday to Friday. */
        public Builder weekdays(String... ranges) {
            OpeningHours[] hours = parse(ranges);
            for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
                hours(day, hours);
            }
            return this;
        }

        /** Sets the same hours on all seven days. */
        public Builder everyDay(OpeningHours... hours) {
            for (DayOfWeek day : DayOfWeek.values()) {
                hours(day, hours);
            }
            return this;
        }

        /** Closes these dates all day. */
        public Builder holidays(LocalDate... dates) {
            for (LocalDate date : dates) {
                special.put(date, List.of());
            }
            return this;
        }

        /** Gives a date its own hours instead of its weekday's, e.g. a short Christmas Eve. */
        public Builder specialHours(LocalDate date, String... ranges) {
            special.put(date, List.of(parse(ranges)));
            return this;
        }

        public BusinessCalendar build() {
            return new BusinessCalendar(name, zone, weekly, special);
        }

        private static OpeningHours[] parse(String... ranges) {
            OpeningHours[] hours = new OpeningHours[ranges.length];
            for (int i = 0; i < ranges.length; i++) {
                hours[i] = OpeningHours.parse(ranges[i]);
            }
            return hours;
        }
    }
}

package io.repdesk.sla;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

import io.repdesk.shared.InvalidInput;

/**
 * One stretch of a day during which a business is open, in the calendar's local time, from
 * {@code opens} (inclusive) to {@code closes} (exclusive). {@link LocalTime} cannot hold 24:00, so a
 * {@code closes} of {@link LocalTime#MIDNIGHT} means the end of the day; an interval never crosses
 * midnight (split it into two days instead). Written as text like {@code 09:00-17:00} or
 * {@code 00:00-24:00}.
 */
public record OpeningHours(LocalTime opens, LocalTime closes) {

    /** Open the whole day: 00:00-24:00. */
    public static final OpeningHours ALL_DAY = new OpeningHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    static final long NANOS_PER_DAY = Duration.ofDays(1).toNanos();

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm[:ss]");

    public OpeningHours {
        // fields are not yet assigned in a compact constructor: compare the parameters
        if (!closes.equals(LocalTime.MIDNIGHT) && !opens.isBefore(closes)) {
            throw new InvalidInput("openingHours", "must open before they close, but " + text(opens, closes)
                    + " does not (an interval cannot cross midnight: split it at 24:00)");
        }
    }

    /** Parses {@code HH:mm-HH:mm}; the closing time may be {@code 24:00}. */
    public static OpeningHours parse(String text) {
        String[] parts = text.trim().split("\\s*[-–]\\s*");
        if (parts.length != 2) {
            throw new InvalidInput("openingHours", "'" + text + "' is not a time range like 09:00-17:00");
        }
        return new OpeningHours(time(parts[0], text, false), time(parts[1], text, true));
    }

    /** True when these hours run to the end of the day (24:00). */
    public boolean closesAtEndOfDay() {
        return closes.equals(LocalTime.MIDNIGHT);
    }

    /** How long the interval lasts on a day without a clock change. */
    public Duration nominalLength() {
        return Duration.ofNanos(closeNanoOfDay() - opens.toNanoOfDay());
    }

    /** True when the two intervals share some time; intervals that only touch do not overlap. */
    public boolean overlaps(OpeningHours other) {
        return opens.toNanoOfDay() < other.closeNanoOfDay() && other.opens.toNanoOfDay() < closeNanoOfDay();
    }

    long openNanoOfDay() {
        return opens.toNanoOfDay();
    }

    long closeNanoOfDay() {
        return closesAtEndOfDay() ? NANOS_PER_DAY : closes.toNanoOfDay();
    }

    @Override
    public String toString() {
        return text(opens, closes);
    }

    private static String text(LocalTime opens, LocalTime closes) {
        return opens + "-" + (closes.equals(LocalTime.MIDNIGHT) ? "24:00" : closes.toString());
    }

    private static LocalTime time(String part, String whole, boolean closing) {
        if (closing && part.equals("24:00")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            return LocalTime.parse(part, HH_MM);
        } catch (DateTimeException e) {
            throw new InvalidInput("openingHours", "'" + whole + "' is not a time range like 09:00-17:00");
        }
    }
}

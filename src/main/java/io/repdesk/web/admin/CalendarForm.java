package io.repdesk.web.admin;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.ServiceCalendar;
import io.repdesk.casework.SlaManagement;
import io.repdesk.shared.InvalidInput;
import io.repdesk.sla.OpeningHours;

/**
 * The calendar form as typed: weekly hours as {@code "09:00-12:00, 13:00-17:00"} per day, special days
 * one a line ({@code "2026-12-25 closed"}, {@code "2026-12-24 09:00-12:00"}). Kept as text so a refused
 * form comes back exactly as it was sent.
 */
record CalendarForm(String name, String zone, Map<DayOfWeek, String> hours, String specialDays) {

    static final int MAX_NAME = 100;
    private static final Pattern OVERLAP_DAY = Pattern.compile("overlap on (" + Arrays.stream(DayOfWeek.values())
            .map(Enum::name).collect(Collectors.joining("|")) + ")\\b.*");

    /** A new calendar's starting point: nine to five on weekdays, in UTC. */
    static CalendarForm blank() {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, day.getValue() <= 5 ? "09:00-17:00" : "");
        }
        return new CalendarForm("", "UTC", hours, "");
    }

    static CalendarForm of(ServiceCalendar calendar) {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        calendar.calendar().weeklyHours().forEach((day, ranges) -> hours.put(day, text(ranges)));
        StringBuilder special = new StringBuilder();
        calendar.calendar().specialDays().forEach((date, ranges) -> special.append(date).append(' ')
                .append(ranges.isEmpty() ? "closed" : text(ranges)).append('\n'));
        return new CalendarForm(calendar.name(), calendar.calendar().zone().getId(), hours, special.toString().strip());
    }

    /** Reads the posted fields: {@code name}, {@code zone}, {@code hours.MONDAY} … and {@code specialDays}. */
    static CalendarForm from(Map<String, String> params) {
        Map<DayOfWeek, String> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : DayOfWeek.values()) {
            hours.put(day, params.getOrDefault("hours." + day.name(), ""));
        }
        return new CalendarForm(params.getOrDefault("name", ""), params.getOrDefault("zone", ""), hours,
                params.getOrDefault("specialDays", ""));
    }

    /** The request for {@link SlaManagement#defineCalendar}, or null with the reasons put in {@code errors}. */
    SlaManagement.@Nullable NewCalendar toRequest(FieldErrors errors) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.reject("name", "Give the calendar a name of 1–" + MAX_NAME + " characters");
        }
        Map<DayOfWeek, List<String>> weekly = new EnumMap<>(DayOfWeek.class);
        hours.forEach((day, text) -> {
            try {
                weekly.put(day, ranges(text));
            } catch (InvalidInput e) {
                errors.reject("hours." + day.name(), "Hours", e);
            }
        });
        Map<LocalDate, List<String>> special = specialDays(errors);
        return errors.isEmpty() ? new SlaManagement.NewCalendar(name, zone, weekly, special) : null;
    }

    /** Where on the form a refusal of the calendar belongs. */
    static void reject(FieldErrors errors, InvalidInput e) {
        switch (e.field()) {
            case "name" -> errors.reject("name", "Name", e);
            case "zone" -> errors.reject("zone", "Time zone", e);
            case "specialDays" -> errors.reject("specialDays", "Special days", e);
            case "weeklyHours" -> {
                Matcher day = OVERLAP_DAY.matcher(e.reason());
                errors.reject(day.matches() ? "hours." + day.group(1) : "weeklyHours", "Hours", e);
            }
            default -> errors.reject(FieldErrors.FORM, e.getMessage());
        }
    }

    private Map<LocalDate, List<String>> specialDays(FieldErrors errors) {
        Map<LocalDate, List<String>> special = new LinkedHashMap<>();
        String[] lines = specialDays.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+", 2);
            String where = "Line " + (i + 1) + ": ";
            try {
                LocalDate date = LocalDate.parse(parts[0]);
                String rest = parts.length < 2 ? "closed" : parts[1].strip();
                List<String> ranges = rest.toLowerCase(Locale.ROOT).equals("closed") ? List.of() : ranges(rest);
                if (special.put(date, ranges) != null) {
                    errors.reject("specialDays", where + date + " is listed twice");
                }
            } catch (DateTimeException e) {
                errors.reject("specialDays", where + "'" + parts[0] + "' is not a date like 2026-12-25");
            } catch (InvalidInput e) {
                errors.reject("specialDays", where + e.reason() + ", or 'closed'");
            }
        }
        return special;
    }

    /** Splits {@code "09:00-12:00, 13:00-17:00"} and checks each range; blank is a closed day. */
    private static List<String> ranges(String text) {
        List<String> ranges = new ArrayList<>();
        for (String range : text.split("[,;]")) {
            if (!range.isBlank()) {
                OpeningHours.parse(range);
                ranges.add(range.strip());
            }
        }
        return ranges;
    }

    private static String text(List<OpeningHours> ranges) {
        return ranges.stream().map(OpeningHours::toString).collect(Collectors.joining(", "));
    }
}

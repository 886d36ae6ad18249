package io.repdesk.web.workspace;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import io.repdesk.casework.Tier;

/** Formats times and enum names for pages; available in every template as {@code fmt}. */
public final class Format {

    private final Supplier<Map<Tier, String>> tierNames;

    /** Formats support levels by their default names. */
    public Format() {
        this(Map::of);
    }

    /** Formats support levels by the installation's names for them. */
    public Format(Supplier<Map<Tier, String>> tierNames) {
        this.tierNames = tierNames;
    }

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH)
            .withZone(ZoneId.of("UTC"));

    public String when(Instant instant) {
        return WHEN.format(instant) + " UTC";
    }

    public String iso(Instant instant) {
        return instant.toString();
    }

    /** "3 h ago", "12 d ago": how long ago something happened, to the coarsest useful unit. */
    public String ago(Instant instant) {
        Duration age = Duration.between(instant, Instant.now());
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 1) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " d ago";
    }

    /** {@code WAITING_ON_CUSTOMER} → {@code Waiting on customer}. */
    public String label(Enum<?> value) {
        if (value instanceof Tier tier) {
            String name = tierNames.get().get(tier);
            if (name != null) {
                return name;
            }
        }
        String words = value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** A CSS class name for an enum value: {@code WAITING_ON_CUSTOMER} → {@code waiting-on-customer}. */
    public String css(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A length of (business) time for a clock: {@code 2 h 05 min}, {@code 3 d 4 h}; negative as overdue. */
    public String span(Duration d) {
        Duration a = d.abs();
        String text;
        if (a.toDays() >= 1) {
            text = a.toDays() + " d " + a.toHoursPart() + " h";
        } else if (a.toHours() >= 1) {
            text = a.toHours() + " h " + String.format(Locale.ROOT, "%02d", a.toMinutesPart()) + " min";
        } else {
            text = a.toMinutes() + " min";
        }
        return d.isNegative() ? text + " over" : text;
    }
}

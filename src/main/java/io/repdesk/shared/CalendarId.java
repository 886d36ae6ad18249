package io.repdesk.shared;

import java.util.UUID;

/** Identifies a stored business-hours calendar; random, so it cannot be guessed from another. */
public record CalendarId(UUID value) implements TypedId {

    public CalendarId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static CalendarId random() {
        return new CalendarId(UUID.randomUUID());
    }

    public static CalendarId of(String text) {
        return new CalendarId(Ids.parse(text, "calendarId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

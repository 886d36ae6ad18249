package io.repdesk.web.admin;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/** Reading posted form fields that the escalation forms share; a field that cannot be read gets an error. */
final class Forms {

    private Forms() {
    }

    /** The first value posted under {@code name}, or "" when none. */
    static String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    /** The enum constant named by {@code value}, or null with "Choose one of the options" beside {@code field}. */
    static <E extends Enum<E>> @Nullable E choice(Class<E> type, String value, String field, FieldErrors errors) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "Choose one of the options");
            return null;
        }
    }

    /** The id in {@code text}, or null with "Choose one of the options" beside {@code field}. */
    static @Nullable UUID uuid(String text, String field, FieldErrors errors) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "Choose one of the options");
            return null;
        }
    }

    /** A whole number from {@code min} up, or null with {@code message} beside {@code field}. */
    static @Nullable Integer number(String text, int min, String field, String message, FieldErrors errors) {
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below says what is expected
        }
        errors.reject(field, message);
        return null;
    }
}

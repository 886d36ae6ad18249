package io.repdesk.intake;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.repdesk.shared.InvalidInput;

/** What kind of answer a question takes; each type checks an answer and puts it in one canonical form. */
public enum QuestionType {

    /** Free text. */
    TEXT,
    /** One of the question's choices. */
    CHOICE,
    /** A decimal number. */
    NUMBER,
    /** A product version such as {@code 5.2.1} or {@code 5.2-beta}. */
    VERSION,
    /** A reference to an attachment (a file name or id) until attachments arrive with their own issue. */
    FILE;

    static final int MAX_TEXT = 10_000;
    static final int MAX_SHORT = 500;

    private static final Pattern VERSION_TEXT = Pattern.compile("[vV]?(\\d+(\\.\\d+)*([-+ ][0-9A-Za-z][0-9A-Za-z.+-]*)?)");

    /**
     * The canonical form of an answer: a choice as spelled in the flow, a number without trailing zeros,
     * a version without a leading {@code v}, text stripped.
     *
     * @throws InvalidInput naming the field when the answer does not fit the type
     */
    String canonical(String raw, List<String> choices, String field) {
        String value = raw.strip();
        if (value.isEmpty()) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInput(field, "must not contain NUL characters");
        }
        return switch (this) {
            case TEXT -> within(value, MAX_TEXT, field);
            case CHOICE -> choices.stream().filter(c -> c.equalsIgnoreCase(value)).findFirst()
                    .orElseThrow(() -> new InvalidInput(field, "must be one of " + String.join(", ", choices)
                            + ", not '" + abbreviate(value) + "'"));
            case NUMBER -> number(value, field);
            case VERSION -> version(value, field);
            case FILE -> within(value, MAX_SHORT, field);
        };
    }

    /** Whether two answers of this type say the same: numbers by value, everything else ignoring case. */
    boolean same(String answer, String expected) {
        if (this == NUMBER) {
            try {
                return new BigDecimal(answer.strip()).compareTo(new BigDecimal(expected.strip())) == 0;
            } catch (NumberFormatException notNumbers) {
                // compared as text below
            }
        }
        return answer.strip().equalsIgnoreCase(expected.strip());
    }

    /** How the type reads in pages: {@code Choice}. */
    public String label() {
        String lower = name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    private static String number(String value, String field) {
        try {
            if (value.length() > 40) {
                throw new NumberFormatException();
            }
            BigDecimal number = new BigDecimal(value);
            return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be a number such as 42 or 3.5, not '" + abbreviate(value) + "'");
        }
    }

    private static String version(String value, String field) {
        var matcher = VERSION_TEXT.matcher(value);
        if (value.length() > 50 || !matcher.matches()) {
            throw new InvalidInput(field, "must be a version such as 5.2 or 5.2.1-beta, not '" + abbreviate(value)
                    + "'");
        }
        return matcher.group(1);
    }

    private static String within(String value, int max, String field) {
        if (value.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters, not " + value.length());
        }
        return value;
    }

    private static String abbreviate(String value) {
        return io.repdesk.shared.Texts.abbreviate(value, 40);
    }
}

package io.repdesk.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

import io.repdesk.shared.InvalidInput;

/** What to show beside a form's fields: one message per field, the first one found. */
final class FieldErrors {

    /** The key of a message that belongs to no single field. */
    static final String FORM = "form";

    /** Reasons that read as a predicate ("must not be blank") and need their subject in front. */
    private static final Pattern PREDICATE = Pattern.compile("^(is|are|must|has|have|names|overlap)\\b.*");

    private final Map<String, String> messages = new LinkedHashMap<>();

    void reject(String field, String message) {
        messages.putIfAbsent(field, message);
    }

    /** Puts a refusal from the domain beside a field, as a sentence about what the field is called. */
    void reject(String field, String label, InvalidInput e) {
        String reason = e.reason();
        reject(field, PREDICATE.matcher(reason).matches() ? label + " " + reason : capitalized(reason));
    }

    boolean isEmpty() {
        return messages.isEmpty();
    }

    /** Messages by field, for templates: {@code ${errors['name']}}. */
    Map<String, String> asMap() {
        return Map.copyOf(messages);
    }

    private static String capitalized(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}

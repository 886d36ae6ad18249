package io.repdesk.web.workspace;

/** A refused form field and why, for showing the reason beside the field. */
record FormError(String field, String message) {

    /** Whether the error belongs to this field. */
    public boolean on(String name) {
        return field.equals(name);
    }

    /** Whether the error belongs to this field or a part of it ({@code questions[2].choices[1]} is under {@code questions[2].choices}). */
    public boolean under(String name) {
        return field.equals(name) || field.startsWith(name + ".") || field.startsWith(name + "[");
    }
}

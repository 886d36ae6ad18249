package io.repdesk.shared;

import java.util.UUID;

/** Parses identifiers from outside input, naming the field when the text is not an id. */
public final class Ids {

    private Ids() {
    }

    public static UUID parse(String text, String field) {
        try {
            return UUID.fromString(text.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(field, "is not a valid id: '" + Texts.abbreviate(text, 40) + "'");
        }
    }
}

package io.repdesk.shared;

import java.util.UUID;

/** Identifies a contact; random, so it cannot be guessed from another. */
public record ContactId(UUID value) implements TypedId {

    public ContactId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static ContactId random() {
        return new ContactId(UUID.randomUUID());
    }

    public static ContactId of(String text) {
        return new ContactId(Ids.parse(text, "contactId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

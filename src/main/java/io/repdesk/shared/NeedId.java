package io.repdesk.shared;

import java.util.UUID;

/** Identifies a need; random, so it cannot be guessed from another. */
public record NeedId(UUID value) implements TypedId {

    public NeedId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static NeedId random() {
        return new NeedId(UUID.randomUUID());
    }

    public static NeedId of(String text) {
        return new NeedId(Ids.parse(text, "needId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

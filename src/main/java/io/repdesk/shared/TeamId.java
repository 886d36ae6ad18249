package io.repdesk.shared;

import java.util.UUID;

/** Identifies a team; random, so it cannot be guessed from another. */
public record TeamId(UUID value) implements TypedId {

    public TeamId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static TeamId random() {
        return new TeamId(UUID.randomUUID());
    }

    public static TeamId of(String text) {
        return new TeamId(Ids.parse(text, "teamId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

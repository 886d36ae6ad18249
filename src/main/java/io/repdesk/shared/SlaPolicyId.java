package io.repdesk.shared;

import java.util.UUID;

/** Identifies a stored SLA policy; random, so it cannot be guessed from another. */
public record SlaPolicyId(UUID value) implements TypedId {

    public SlaPolicyId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static SlaPolicyId random() {
        return new SlaPolicyId(UUID.randomUUID());
    }

    public static SlaPolicyId of(String text) {
        return new SlaPolicyId(Ids.parse(text, "slaPolicyId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.repdesk.shared;

import java.util.UUID;

/** Identifies an intake flow; random, so it cannot be guessed from another. */
public record IntakeFlowId(UUID value) implements TypedId {

    public IntakeFlowId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static IntakeFlowId random() {
        return new IntakeFlowId(UUID.randomUUID());
    }

    public static IntakeFlowId of(String text) {
        return new IntakeFlowId(Ids.parse(text, "flowId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

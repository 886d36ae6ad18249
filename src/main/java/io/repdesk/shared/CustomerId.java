package io.repdesk.shared;

import java.util.UUID;

/** Identifies a customer; random, so it cannot be guessed from another. */
public record CustomerId(UUID value) implements TypedId {

    public CustomerId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static CustomerId random() {
        return new CustomerId(UUID.randomUUID());
    }

    public static CustomerId of(String text) {
        return new CustomerId(Ids.parse(text, "customerId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

package io.repdesk.shared;

import java.util.UUID;

/** Identifies a organization; random, so it cannot be guessed from another. */
public record OrganizationId(UUID value) implements TypedId {

    public OrganizationId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static OrganizationId random() {
        return new OrganizationId(UUID.randomUUID());
    }

    public static OrganizationId of(String text) {
        return new OrganizationId(Ids.parse(text, "organizationId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

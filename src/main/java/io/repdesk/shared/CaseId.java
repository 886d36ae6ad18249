package io.repdesk.shared;

import java.util.UUID;

/** Identifies a case; random, so it cannot be guessed from another. */
public record CaseId(UUID value) implements TypedId {

    public CaseId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID());
    }

    public static CaseId of(String text) {
        return new CaseId(Ids.parse(text, "caseId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

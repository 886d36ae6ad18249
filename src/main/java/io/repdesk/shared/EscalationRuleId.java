package io.repdesk.shared;

import java.util.UUID;

/** Identifies a escalation rule; random, so it cannot be guessed from another. */
public record EscalationRuleId(UUID value) implements TypedId {

    public EscalationRuleId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static EscalationRuleId random() {
        return new EscalationRuleId(UUID.randomUUID());
    }

    public static EscalationRuleId of(String text) {
        return new EscalationRuleId(Ids.parse(text, "escalationRuleId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

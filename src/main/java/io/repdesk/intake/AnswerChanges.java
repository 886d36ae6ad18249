package io.repdesk.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.InvalidInput;

/** Works out what a set of given answers changes, before anything is stored. */
final class AnswerChanges {

    private AnswerChanges() {
    }

    /**
     * The answers that change, by question key, in canonical form; null for an answer cleared. Answers
     * equal to the stored ones and clearing an unanswered question are no change.
     *
     * @throws InvalidInput naming {@code answers.<key>} for a key the flow does not have or an answer its type refuses
     */
    static Map<String, @Nullable String> of(IntakeFlow flow, Map<String, IntakeAnswer> stored,
            Map<String, @Nullable String> given) {
        Map<String, @Nullable String> changes = new LinkedHashMap<>();
        given.forEach((key, value) -> {
            Question question = flow.question(key).orElseThrow(() -> new InvalidInput("answers." + key,
                    "is not a question of the flow '" + flow.name() + "' (version " + flow.version() + ")"));
            IntakeAnswer before = stored.get(key);
            if (value == null || value.isBlank()) {
                if (before != null) {
                    changes.put(key, null);
                }
                return;
            }
            String canonical = question.canonical(value);
            if (before == null || !before.value().equals(canonical)) {
                changes.put(key, canonical);
            }
        });
        return changes;
    }

    /** The stored answers' values with the changes applied. */
    static Map<String, String> merge(Map<String, IntakeAnswer> stored, Map<String, @Nullable String> changes) {
        Map<String, String> merged = stored.values().stream()
                .collect(Collectors.toMap(IntakeAnswer::questionKey, IntakeAnswer::value, (a, b) -> a,
                        LinkedHashMap::new));
        changes.forEach((key, value) -> {
            if (value == null) {
                merged.remove(key);
            } else {
                merged.put(key, value);
            }
        });
        return merged;
    }

    /** Refuses an answer to a question that the other answers do not lead to, saying what would. */
    static void refuseInapplicable(IntakeFlow flow, Map<String, @Nullable String> changes, Set<String> applicable) {
        changes.forEach((key, value) -> {
            if (value != null && !applicable.contains(key)) {
                Question question = flow.question(key).orElseThrow();
                throw new InvalidInput("answers." + key, "does not apply given the other answers: it is asked only if "
                        + question.showIf().stream().map(Condition::toString).collect(Collectors.joining(" and ")));
            }
        });
    }
}

package io.repdesk.intake;

import java.util.Map;

/**
 * How many cases of a group gave each intake answer.
 *
 * @param answered cases that answered each question, by question key
 * @param counts cases with each answer, keyed {@code question=value}
 * @param prompts each question's prompt in its flow's latest version, by question key
 */
public record AnswerCounts(Map<String, Long> answered, Map<String, Long> counts, Map<String, String> prompts) {

    public AnswerCounts {
        answered = Map.copyOf(answered);
        counts = Map.copyOf(counts);
        prompts = Map.copyOf(prompts);
    }

    public long answered(String question) {
        return answered.getOrDefault(question, 0L);
    }

    public long of(String key) {
        return counts.getOrDefault(key, 0L);
    }
}

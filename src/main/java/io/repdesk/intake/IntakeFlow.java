package io.repdesk.intake;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.IntakeFlowId;

/**
 * One version of an intake flow: questions in the order they are asked.
 * <p>
 * Branching: a question with {@code showIf} conditions applies only when every condition holds; a
 * condition holds when the question it names applies and was answered with its value. A question
 * without conditions always applies. Conditions may name any question of the flow but never form a
 * cycle (validation refuses one).
 *
 * @param version 1 for a new flow, one more for each revision; answers record the version they answered
 * @param revisedAt when this version was made
 * @param revisedBy who made this version
 */
public record IntakeFlow(IntakeFlowId id, int version, String name, String category, @Nullable String channel,
        List<Question> questions, Instant revisedAt, String revisedBy) {

    public IntakeFlow {
        questions = List.copyOf(questions);
    }

    public Optional<Question> question(String key) {
        return questions.stream().filter(q -> q.key().equals(key)).findFirst();
    }

    /** The questions to ask given these answers (by question key), in flow order. */
    public List<Question> applicable(Map<String, String> answers) {
        Map<String, Boolean> decided = new HashMap<>();
        return questions.stream().filter(q -> applies(q, answers, decided, new HashSet<>())).toList();
    }

    /** The required questions that apply given these answers but are not answered yet, in flow order. */
    public List<Question> missing(Map<String, String> answers) {
        return applicable(answers).stream().filter(q -> q.required() && !answered(answers, q.key())).toList();
    }

    /** Whether the flow is for this category and channel (a flow for every channel is for each). */
    public boolean isFor(String category, @Nullable String channel) {
        return this.category.equalsIgnoreCase(category.strip())
                && (this.channel == null || this.channel.equalsIgnoreCase(channel == null ? "" : channel));
    }

    private boolean applies(Question q, Map<String, String> answers, Map<String, Boolean> decided,
            Set<String> visiting) {
        Boolean known = decided.get(q.key());
        if (known != null) {
            return known;
        }
        if (!visiting.add(q.key())) {
            return false; // a cycle; validation refuses them, so only a hand-edited database gets here
        }
        boolean applies = q.showIf().stream().allMatch(c -> holds(c, answers, decided, visiting));
        decided.put(q.key(), applies);
        return applies;
    }

    private boolean holds(Condition c, Map<String, String> answers, Map<String, Boolean> decided,
            Set<String> visiting) {
        Question decides = question(c.question()).orElse(null);
        return decides != null && answered(answers, decides.key())
                && decides.type().same(answers.get(decides.key()), c.equals())
                && applies(decides, answers, decided, visiting);
    }

    private static boolean answered(Map<String, String> answers, String key) {
        String value = answers.get(key);
        return value != null && !value.isBlank();
    }
}

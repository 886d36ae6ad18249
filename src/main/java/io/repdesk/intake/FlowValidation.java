package io.repdesk.intake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.InvalidInput;

/** The rules a flow must meet before it is stored; each refusal names the field, as a JSON path, and why. */
final class FlowValidation {

    static final int MAX_QUESTIONS = 100;
    static final int MAX_RATIONALE = 500;
    static final int MAX_PROMPT = 500;
    static final int MAX_CHOICES = 50;
    static final int MAX_CHOICE = 200;
    static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    static final Pattern CHANNEL = Pattern.compile("[A-Za-z][A-Za-z_]{0,29}");

    /** Depth-first search states of a question while looking for cycles. */
    private static final int VISITING = 1;
    private static final int DONE = 2;

    private FlowValidation() {
    }

    static FlowDraft validate(FlowDraft draft) {
        String name = text(draft.name(), "name", 200);
        String category = text(draft.category(), "category", 100);
        String channel = channel(draft.channel());
        if (draft.questions().isEmpty()) {
            throw new InvalidInput("questions", "must hold at least one question: an empty flow asks nothing");
        }
        if (draft.questions().size() > MAX_QUESTIONS) {
            throw new InvalidInput("questions", "must hold at most " + MAX_QUESTIONS + " questions, not "
                    + draft.questions().size());
        }
        List<Question> questions = new ArrayList<>();
        Map<String, Integer> indexByKey = new HashMap<>();
        for (int i = 0; i < draft.questions().size(); i++) {
            Question q = question(draft.questions().get(i), "questions[" + i + "]");
            Integer earlier = indexByKey.putIfAbsent(q.key(), i);
            if (earlier != null) {
                throw new InvalidInput("questions[" + i + "].key", "repeats '" + q.key()
                        + "', already the key of questions[" + earlier + "]: keys must be unique in a flow");
            }
            questions.add(q);
        }
        List<Question> checked = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            checked.add(conditions(questions.get(i), "questions[" + i + "]", questions, indexByKey));
        }
        refuseCycles(checked);
        return new FlowDraft(name, category, channel, checked);
    }

    private static Question question(@Nullable Question q, String field) {
        if (q == null) {
            throw new InvalidInput(field, "must be a question, not null");
        }
        String key = q.key() == null ? "" : q.key().strip();
        if (!KEY.matcher(key).matches()) {
            throw new InvalidInput(field + ".key", "must be 1–64 lower-case letters, digits, '_', '.' or '-', "
                    + "starting with a letter or digit, not '" + io.repdesk.shared.Texts.abbreviate(key, 40) + "'");
        }
        String prompt = text(q.prompt(), field + ".prompt", MAX_PROMPT);
        if (q.type() == null) {
            throw new InvalidInput(field + ".type", "must be one of " + List.of(QuestionType.values()));
        }
        String rationale = q.rationale() == null || q.rationale().isBlank() ? null : q.rationale().strip();
        if (rationale != null && rationale.length() > MAX_RATIONALE) {
            throw new InvalidInput(field + ".rationale", "must be at most " + MAX_RATIONALE
                    + " characters, not " + rationale.length() + ": say why in a sentence or two");
        }
        return new Question(key, prompt, q.type(), q.required(), rationale, choices(q, field), q.showIf());
    }

    private static List<String> choices(Question q, String field) {
        if (q.type() != QuestionType.CHOICE) {
            if (!q.choices().isEmpty()) {
                throw new InvalidInput(field + ".choices", "apply only to CHOICE questions; this one is "
                        + q.type());
            }
            return List.of();
        }
        if (q.choices().isEmpty()) {
            throw new InvalidInput(field + ".choices", "must list at least one choice for a CHOICE question");
        }
        if (q.choices().size() > MAX_CHOICES) {
            throw new InvalidInput(field + ".choices", "must list at most " + MAX_CHOICES + " choices");
        }
        List<String> choices = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < q.choices().size(); c++) {
            String choice = text(q.choices().get(c), field + ".choices[" + c + "]", MAX_CHOICE);
            if (!seen.add(choice.toLowerCase(Locale.ROOT))) {
                throw new InvalidInput(field + ".choices[" + c + "]", "repeats the choice '" + choice + "'");
            }
            choices.add(choice);
        }
        return choices;
    }

    private static Question conditions(Question q, String field, List<Question> questions,
            Map<String, Integer> indexByKey) {
        List<Condition> conditions = new ArrayList<>();
        for (int c = 0; c < q.showIf().size(); c++) {
            String at = field + ".showIf[" + c + "]";
            Condition condition = q.showIf().get(c);
            if (condition == null) {
                throw new InvalidInput(at, "must be a condition, not null");
            }
            String key = condition.question() == null ? "" : condition.question().strip();
            if (key.isEmpty()) {
                throw new InvalidInput(at + ".question", "must name the question whose answer decides");
            }
            Integer target = indexByKey.get(key);
            if (target == null) {
                throw new InvalidInput(at + ".question", "branches from '" + key
                        + "', which is not a question of this flow");
            }
            String expected = text(condition.equals(), at + ".equals", MAX_CHOICE);
            Question decides = questions.get(target);
            if (decides.type() == QuestionType.CHOICE
                    && decides.choices().stream().noneMatch(choice -> choice.equalsIgnoreCase(expected))) {
                throw new InvalidInput(at + ".equals", "must be one of the choices of '" + key + "' ("
                        + String.join(", ", decides.choices()) + "), not '" + expected + "'");
            }
            conditions.add(new Condition(key, expected));
        }
        return new Question(q.key(), q.prompt(), q.type(), q.required(), q.rationale(), q.choices(), conditions);
    }

    /**
     * Refuses conditions that depend on each other in a circle: a question that is shown only after an
     * answer that is itself shown only after the first could never be asked.
     */
    private static void refuseCycles(List<Question> questions) {
        Map<String, List<String>> shows = new LinkedHashMap<>();
        questions.forEach(q -> shows.put(q.key(), new ArrayList<>()));
        questions.forEach(q -> q.showIf().forEach(c -> shows.get(c.question()).add(q.key())));
        Map<String, Integer> state = new HashMap<>();
        for (String start : shows.keySet()) {
            List<String> cycle = cycleFrom(start, shows, state, new ArrayDeque<>());
            if (cycle != null) {
                int index = indexOf(questions, cycle.getFirst());
                throw new InvalidInput("questions[" + index + "].showIf", "branches in a cycle: "
                        + String.join(" → ", cycle) + "; each of these questions is shown only after an answer to "
                        + "the one before it, so none of them could ever be asked");
            }
        }
    }

    private static @Nullable List<String> cycleFrom(String key, Map<String, List<String>> shows,
            Map<String, Integer> state, Deque<String> path) {
        Integer seen = state.get(key);
        if (seen != null && seen == DONE) {
            return null;
        }
        if (seen != null) {
            List<String> trail = new ArrayList<>(path).reversed();
            List<String> cycle = new ArrayList<>(trail.subList(trail.indexOf(key), trail.size()));
            cycle.add(key);
            return cycle;
        }
        state.put(key, VISITING);
        path.push(key);
        for (String next : shows.get(key)) {
            List<String> cycle = cycleFrom(next, shows, state, path);
            if (cycle != null) {
                return cycle;
            }
        }
        path.pop();
        state.put(key, DONE);
        return null;
    }

    private static int indexOf(List<Question> questions, String key) {
        for (int i = 0; i < questions.size(); i++) {
            if (questions.get(i).key().equals(key)) {
                return i;
            }
        }
        throw new IllegalStateException("no question " + key);
    }

    private static String text(@Nullable String value, String field, int max) {
        String text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            throw new InvalidInput(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidInput(field, "must be at most " + max + " characters, not " + text.length());
        }
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInput(field, "must not contain NUL characters");
        }
        return text;
    }

    private static @Nullable String channel(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String channel = value.strip();
        if (!CHANNEL.matcher(channel).matches()) {
            throw new InvalidInput("channel", "must be a channel name such as EMAIL or PORTAL, or left out for "
                    + "every channel");
        }
        return channel.toUpperCase(Locale.ROOT);
    }
}

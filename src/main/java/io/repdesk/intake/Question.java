package io.repdesk.intake;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One question of an intake flow.
 *
 * @param key stable name of the question within its flow ({@code app_version}); answers are stored by it
 * @param prompt what the agent or customer reads
 * @param rationale why it is asked, shown beside it ("we ask for your app version because …"); at most 500 characters
 * @param choices the allowed answers of a {@link QuestionType#CHOICE} question, in order; empty for the other types
 * @param showIf conditions that must all hold for the question to be asked; empty: always asked
 */
public record Question(String key, String prompt, QuestionType type, boolean required, @Nullable String rationale,
        List<String> choices, List<Condition> showIf) {

    public Question {
        // Null elements survive here so that validation can name them instead of failing with a 500.
        choices = choices == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(choices));
        showIf = showIf == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(showIf));
    }

    /** A question asked always. */
    public static Question of(String key, String prompt, QuestionType type, boolean required, @Nullable String rationale,
            String... choices) {
        return new Question(key, prompt, type, required, rationale, List.of(choices), List.of());
    }

    /** This question, asked only when the other question was answered with the value. */
    public Question shownIf(String question, String equals) {
        List<Condition> conditions = new ArrayList<>(showIf);
        conditions.add(new Condition(question, equals));
        return new Question(key, prompt, type, required, rationale, choices, conditions);
    }

    /** Checks an answer to this question and puts it in canonical form; names the field {@code answers.<key>}. */
    public String canonical(String answer) {
        return type.canonical(answer, choices, "answers." + key);
    }
}

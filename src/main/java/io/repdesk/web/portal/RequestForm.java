package io.repdesk.web.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.Question;
import io.repdesk.intake.QuestionType;
import io.repdesk.shared.InvalidInput;

/**
 * What a customer typed into the request form, kept whole so that a refused form comes back as it was.
 *
 * @param answers the answers by question key, as typed
 */
record RequestForm(String category, String subject, String description, Map<String, String> answers, String token) {

    /** Answer inputs are named {@code answers.<question key>}; files for FILE questions {@code files.<key>}. */
    static final String ANSWER = "answers.";
    static final String FILE = "files.";

    static RequestForm of(Map<String, String> params) {
        Map<String, String> answers = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(ANSWER)) {
                answers.put(name.substring(ANSWER.length()), value);
            }
        });
        return new RequestForm(params.getOrDefault("category", ""), params.getOrDefault("subject", ""),
                params.getOrDefault("description", ""), answers, params.getOrDefault("token", ""));
    }

    /** The answers that the flow asks for given the other answers; answers to hidden questions are dropped. */
    Map<String, String> applicableAnswers(@Nullable IntakeFlow flow) {
        Map<String, String> kept = new LinkedHashMap<>();
        if (flow != null) {
            for (Question q : flow.applicable(answers)) {
                String value = answers.get(q.key());
                if (value != null && !value.isBlank()) {
                    kept.put(q.key(), value.strip());
                }
            }
        }
        return kept;
    }

    /**
     * Every refusal at once, by field: blank subject or description, a required question unanswered, an answer
     * its question's type refuses. FILE questions are answered by the file chosen for them.
     *
     * @param filesChosen the keys of FILE questions a file was chosen for
     */
    Map<String, String> errors(@Nullable IntakeFlow flow, List<String> filesChosen) {
        Map<String, String> errors = new LinkedHashMap<>();
        if (subject.isBlank()) {
            errors.put("subject", "Say in a few words what the request is about.");
        } else if (subject.strip().length() > 200) {
            errors.put("subject", "Keep the subject to 200 characters; say more in the description.");
        }
        if (description.isBlank()) {
            errors.put("description", "Describe what happened and what you expected.");
        } else if (description.strip().length() > 20_000) {
            errors.put("description", "The description must be at most 20000 characters.");
        }
        if (flow != null) {
            for (Question q : flow.applicable(answers)) {
                String field = ANSWER + q.key();
                if (q.type() == QuestionType.FILE) {
                    if (q.required() && !filesChosen.contains(q.key())) {
                        errors.put(FILE + q.key(), "Attach the file this question asks for.");
                    }
                    continue;
                }
                String value = answers.get(q.key());
                if (value == null || value.isBlank()) {
                    if (q.required()) {
                        errors.put(field, "Answer this question; we need it to help you.");
                    }
                    continue;
                }
                try {
                    q.canonical(value);
                } catch (InvalidInput e) {
                    errors.put(field, "This answer " + e.reason() + ".");
                }
            }
        }
        return errors;
    }
}

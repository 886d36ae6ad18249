package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.repdesk.intake.Condition;
import io.repdesk.intake.FlowDraft;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.Question;
import io.repdesk.intake.QuestionType;
import io.repdesk.shared.InvalidInput;

/**
 * The admin form of an intake flow as the browser posts it: structured fields per question, with choices
 * one per line and the show-if conditions one per line as {@code question_key = answer}.
 *
 * @param baseVersion the version the edit started from, so a version saved meanwhile is not silently undone
 */
record IntakeFlowForm(@Nullable String name, @Nullable String category, @Nullable String channel,
        @Nullable Integer baseVersion, @Nullable List<QuestionForm> questions) {

    /** One question's fields. */
    record QuestionForm(@Nullable String key, @Nullable String prompt, @Nullable QuestionType type,
            @Nullable Boolean required, @Nullable String rationale, @Nullable String choices,
            @Nullable String showIf) {

        static QuestionForm blank() {
            return new QuestionForm("", "", QuestionType.TEXT, false, "", "", "");
        }

        static QuestionForm of(Question q) {
            return new QuestionForm(q.key(), q.prompt(), q.type(), q.required(),
                    q.rationale() == null ? "" : q.rationale(), String.join("\n", q.choices()),
                    q.showIf().stream().map(Condition::toString).collect(Collectors.joining("\n")));
        }

        public boolean isRequired() {
            return Boolean.TRUE.equals(required);
        }
    }

    static IntakeFlowForm blank() {
        return new IntakeFlowForm("", "", "", null, List.of(QuestionForm.blank()));
    }

    static IntakeFlowForm of(IntakeFlow flow, int baseVersion) {
        return new IntakeFlowForm(flow.name(), flow.category(), flow.channel() == null ? "" : flow.channel(),
                baseVersion, flow.questions().stream().map(QuestionForm::of).toList());
    }

    /** The questions, never null (a form posted without any has none). */
    List<QuestionForm> questionList() {
        return questions == null ? List.of() : questions.stream().map(q -> q == null ? QuestionForm.blank() : q)
                .toList();
    }

    IntakeFlowForm withQuestions(List<QuestionForm> edited) {
        return new IntakeFlowForm(name, category, channel, baseVersion, List.copyOf(edited));
    }

    /** This form with a blank question at the end, or one removed, or one moved up (nothing saved). */
    IntakeFlowForm edit(String action) {
        List<QuestionForm> list = new ArrayList<>(questionList());
        if (action.equals("add")) {
            list.add(QuestionForm.blank());
        } else if (action.startsWith("remove-") && index(action, list.size()) >= 0) {
            list.remove(index(action, list.size()));
        } else if (action.startsWith("up-") && index(action, list.size()) > 0) {
            int i = index(action, list.size());
            list.add(i - 1, list.remove(i));
        }
        return withQuestions(list);
    }

    /**
     * The draft this form describes. Choices count only for choice questions, so switching a question's
     * type does not require emptying the box first.
     *
     * @throws InvalidInput naming {@code questions[i].showIf} for a line that is not {@code question = answer}
     */
    FlowDraft draft() {
        List<QuestionForm> list = questionList();
        List<Question> questions = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            QuestionForm q = list.get(i);
            List<String> choices = q.type() == QuestionType.CHOICE ? lines(q.choices()) : List.of();
            questions.add(new Question(q.key(), q.prompt(), q.type(), q.isRequired(), q.rationale(), choices,
                    conditions(q.showIf(), "questions[" + i + "].showIf")));
        }
        return new FlowDraft(name, category, channel, questions);
    }

    private static List<Condition> conditions(@Nullable String text, String field) {
        List<Condition> conditions = new ArrayList<>();
        for (String line : lines(text)) {
            int equals = line.indexOf('=');
            if (equals <= 0 || equals == line.length() - 1) {
                throw new InvalidInput(field, "must be lines of the form question_key = answer, not '" + line + "'");
            }
            conditions.add(new Condition(line.substring(0, equals).strip(), line.substring(equals + 1).strip()));
        }
        return conditions;
    }

    private static List<String> lines(@Nullable String text) {
        return text == null ? List.of() : Arrays.stream(text.split("\\R")).map(String::strip)
                .filter(line -> !line.isEmpty()).toList();
    }

    /** The question an action such as {@code remove-2} names, or -1 when it names none. */
    private static int index(String action, int size) {
        try {
            int i = Integer.parseInt(action.substring(action.indexOf('-') + 1));
            return i >= 0 && i < size ? i : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}

package io.repdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class IntakeQuestionTypeTests {

    @Test
    void answersTakeTheirTypesCanonicalForm() {
        assertThat(Question.of("os", "OS?", QuestionType.CHOICE, true, null, "Android", "iOS").canonical(" ios "))
                .isEqualTo("iOS");
        assertThat(Question.of("n", "N?", QuestionType.NUMBER, true, null).canonical("5.50")).isEqualTo("5.5");
        assertThat(Question.of("n", "N?", QuestionType.NUMBER, true, null).canonical("1E+2")).isEqualTo("100");
        assertThat(Question.of("n", "N?", QuestionType.NUMBER, true, null).canonical("0.00")).isEqualTo("0");
        assertThat(Question.of("v", "V?", QuestionType.VERSION, true, null).canonical("v5.2.1")).isEqualTo("5.2.1");
        assertThat(Question.of("v", "V?", QuestionType.VERSION, true, null).canonical("5.2-beta.1"))
                .isEqualTo("5.2-beta.1");
        assertThat(Question.of("f", "F?", QuestionType.FILE, false, null).canonical(" crash.log "))
                .isEqualTo("crash.log");
    }

    @Test
    void refusesAnswersThatDoNotFitTheTypeNamingTheQuestion() {
        refused(Question.of("os", "OS?", QuestionType.CHOICE, true, null, "Android", "iOS"), "Windows",
                "must be one of Android, iOS");
        refused(Question.of("seats", "N?", QuestionType.NUMBER, true, null), "ten", "must be a number");
        refused(Question.of("app_version", "V?", QuestionType.VERSION, true, null), "latest", "must be a version");
        refused(Question.of("notes", "T?", QuestionType.TEXT, true, null), "x".repeat(10_001), "at most 10000");
    }

    private static void refused(Question question, String answer, String reason) {
        assertThatThrownBy(() -> question.canonical(answer)).isInstanceOfSatisfying(InvalidInput.class, e -> {
            assertThat(e.field()).isEqualTo("answers." + question.key());
            assertThat(e.reason()).contains(reason);
        });
    }
}

package io.repdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;

import io.repdesk.shared.InvalidInput;

class IntakeFlowValidationTests {

    @Test
    void refusesACycleOfTwoNamingBothQuestions() {
        FlowDraft draft = Flows.of(
                Question.of("a", "A?", QuestionType.TEXT, true, null).shownIf("b", "x"),
                Question.of("b", "B?", QuestionType.TEXT, true, null).shownIf("a", "y"));

        refused(draft, "questions[0].showIf").hasMessageContaining("cycle: a → b → a");
    }

    @Test
    void refusesALongerCycleNamingEveryQuestionInItAndNoOther() {
        FlowDraft draft = Flows.of(
                Question.of("start", "Start?", QuestionType.TEXT, true, null),
                Question.of("c1", "One?", QuestionType.TEXT, true, null).shownIf("c3", "x").shownIf("start", "go"),
                Question.of("c2", "Two?", QuestionType.TEXT, true, null).shownIf("c1", "x"),
                Question.of("c3", "Three?", QuestionType.TEXT, true, null).shownIf("c2", "x"));

        refused(draft, "questions[1].showIf").hasMessageContaining("cycle: c1 → c2 → c3 → c1")
                .hasMessageNotContaining("start →");
    }

    @Test
    void refusesAQuestionThatDependsOnItself() {
        refused(Flows.of(Question.of("loop", "Loop?", QuestionType.TEXT, true, null).shownIf("loop", "x")),
                "questions[0].showIf").hasMessageContaining("loop → loop");
    }

    @Test
    void acceptsADiamondThatIsNoCycle() {
        FlowDraft draft = Flows.of(
                Question.of("a", "A?", QuestionType.TEXT, true, null),
                Question.of("b", "B?", QuestionType.TEXT, true, null).shownIf("a", "x"),
                Question.of("c", "C?", QuestionType.TEXT, true, null).shownIf("a", "x"),
                Question.of("d", "D?", QuestionType.TEXT, true, null).shownIf("b", "x").shownIf("c", "x"));

        assertThat(draft.validated().questions()).hasSize(4);
    }

    @Test
    void refusesABranchFromAnUnknownQuestion() {
        FlowDraft draft = Flows.of(
                Question.of("a", "A?", QuestionType.TEXT, true, null),
                Question.of("b", "B?", QuestionType.TEXT, true, null).shownIf("ghost", "x"));

        refused(draft, "questions[1].showIf[0].question").hasMessageContaining("'ghost'")
                .hasMessageContaining("not a question of this flow");
    }

    @Test
    void refusesABranchOnAnAnswerThatIsNotAChoice() {
        FlowDraft draft = Flows.of(
                Question.of("os", "OS?", QuestionType.CHOICE, true, null, "Android", "iOS"),
                Question.of("b", "B?", QuestionType.TEXT, true, null).shownIf("os", "Windows"));

        refused(draft, "questions[1].showIf[0].equals").hasMessageContaining("Android, iOS");
    }

    @Test
    void refusesDuplicateKeysNamingTheFirstUse() {
        FlowDraft draft = Flows.of(
                Question.of("version", "Version?", QuestionType.VERSION, true, null),
                Question.of("other", "Other?", QuestionType.TEXT, false, null),
                Question.of("version", "Again?", QuestionType.TEXT, false, null));

        refused(draft, "questions[2].key").hasMessageContaining("'version'").hasMessageContaining("questions[0]");
    }

    @Test
    void refusesAChoiceQuestionWithoutChoicesAndChoicesOnOtherQuestions() {
        refused(Flows.of(Question.of("pick", "Pick?", QuestionType.CHOICE, true, null)), "questions[0].choices")
                .hasMessageContaining("at least one choice");
        refused(Flows.of(Question.of("t", "T?", QuestionType.TEXT, true, null, "a")), "questions[0].choices");
        refused(Flows.of(Question.of("pick", "Pick?", QuestionType.CHOICE, true, null, "Yes", "yes")),
                "questions[0].choices[1]");
    }

    @Test
    void allowsARequiredQuestionWithoutRationaleButNotARationaleOver500Characters() {
        assertThat(Flows.of(Question.of("why_not", "Q?", QuestionType.TEXT, true, null)).validated()
                .questions().getFirst().rationale()).isNull();
        assertThat(Flows.of(Question.of("full", "Q?", QuestionType.TEXT, true, "w".repeat(500))).validated()
                .questions()).hasSize(1);

        refused(Flows.of(Question.of("long", "Q?", QuestionType.TEXT, true, "w".repeat(501))),
                "questions[0].rationale").hasMessageContaining("at most 500 characters, not 501");
    }

    @Test
    void refusesAnEmptyFlow() {
        refused(Flows.of(), "questions").hasMessageContaining("at least one question");
    }

    @Test
    void refusesBlankNamesAndBadKeys() {
        refused(new FlowDraft(" ", "cat", null, Flows.mobileApp("x").questions()), "name");
        refused(new FlowDraft("Name", "", null, Flows.mobileApp("x").questions()), "category");
        refused(new FlowDraft("Name", "cat", "e-mail!", Flows.mobileApp("x").questions()), "channel");
        refused(Flows.of(Question.of("App Version", "Q?", QuestionType.TEXT, true, null)), "questions[0].key");
        refused(Flows.of(Question.of("ok", " ", QuestionType.TEXT, true, null)), "questions[0].prompt");
        refused(Flows.of(new Question("ok", "Q?", null, true, null, null, null)), "questions[0].type");
        List<Question> withNull = new ArrayList<>();
        withNull.add(null);
        refused(new FlowDraft("Name", "cat", null, withNull), "questions[0]");
    }

    @Test
    void tidiesADraft() {
        FlowDraft tidy = new FlowDraft(" Billing ", " invoices ", " email ", List.of(
                new Question(" amount ", " How much? ", QuestionType.NUMBER, false, "  ", null, null),
                new Question("kind", "Kind?", QuestionType.CHOICE, true, " Why. ", List.of(" A ", "B"),
                        List.of(new Condition(" amount ", " 10 "))))).validated();

        assertThat(tidy.name()).isEqualTo("Billing");
        assertThat(tidy.category()).isEqualTo("invoices");
        assertThat(tidy.channel()).isEqualTo("EMAIL");
        assertThat(tidy.questions().getFirst().key()).isEqualTo("amount");
        assertThat(tidy.questions().getFirst().rationale()).isNull();
        assertThat(tidy.questions().get(1).choices()).containsExactly("A", "B");
        assertThat(tidy.questions().get(1).showIf()).containsExactly(new Condition("amount", "10"));
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> refused(FlowDraft draft, String field) {
        return assertThatThrownBy(draft::validated).isInstanceOfSatisfying(InvalidInput.class,
                e -> assertThat(e.field()).isEqualTo(field));
    }
}

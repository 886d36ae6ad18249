package io.repdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class IntakeFlowTests {

    static final IntakeFlow MOBILE = Flows.stored(Flows.mobileApp("mobile-app"));

    @Test
    void withoutAnswersOnlyQuestionsWithoutConditionsApply() {
        assertThat(keys(MOBILE.applicable(Map.of()))).containsExactly("platform", "app_version", "screenshot");
        assertThat(keys(MOBILE.missing(Map.of()))).containsExactly("platform", "app_version");
    }

    @Test
    void theTriggeringAnswerShowsTheBranchInFlowOrder() {
        Map<String, String> android = Map.of("platform", "Android");

        assertThat(keys(MOBILE.applicable(android)))
                .containsExactly("platform", "app_version", "android_version", "device_model", "screenshot");
        assertThat(keys(MOBILE.missing(android))).containsExactly("app_version", "android_version");
    }

    @Test
    void anotherAnswerKeepsTheBranchHidden() {
        Map<String, String> ios = Map.of("platform", "iOS", "app_version", "5.2");

        assertThat(keys(MOBILE.applicable(ios))).containsExactly("platform", "app_version", "screenshot");
        assertThat(MOBILE.missing(ios)).isEmpty();
    }

    @Test
    void theMissingListShrinksAsRequiredQuestionsAreAnsweredAndIgnoresOptionalOnes() {
        assertThat(MOBILE.missing(Map.of("platform", "Android"))).hasSize(2);
        assertThat(keys(MOBILE.missing(Map.of("platform", "Android", "app_version", "5.2"))))
                .containsExactly("android_version");
        assertThat(MOBILE.missing(Map.of("platform", "Android", "app_version", "5.2", "android_version", "14")))
                .isEmpty();
        assertThat(keys(MOBILE.missing(Map.of("platform", "Android", "app_version", " "))))
                .as("a blank answer is no answer").containsExactly("app_version", "android_version");
    }

    @Test
    void conditionsCompareTextIgnoringCaseAndNumbersByValue() {
        IntakeFlow flow = Flows.stored(Flows.of(
                Question.of("seats", "How many seats?", QuestionType.NUMBER, true, null),
                Question.of("bulk", "Bulk licence key?", QuestionType.TEXT, true, null).shownIf("seats", "10"),
                Question.of("reseller", "Reseller?", QuestionType.TEXT, false, null),
                Question.of("partner_id", "Partner id?", QuestionType.TEXT, true, null).shownIf("reseller", "Yes")));

        assertThat(keys(flow.applicable(Map.of("seats", "10.0", "reseller", " yes "))))
                .containsExactly("seats", "bulk", "reseller", "partner_id");
        assertThat(keys(flow.applicable(Map.of("seats", "11", "reseller", "no"))))
                .containsExactly("seats", "reseller");
    }

    @Test
    void aBranchBelowAHiddenQuestionStaysHiddenEvenWithItsAnswerStored() {
        IntakeFlow flow = Flows.stored(Flows.of(
                Question.of("payment", "How did you pay?", QuestionType.CHOICE, true, null, "Card", "Transfer"),
                Question.of("card_type", "Which card?", QuestionType.CHOICE, true, null, "Visa", "Other")
                        .shownIf("payment", "Card"),
                Question.of("issuer", "Which bank issued it?", QuestionType.TEXT, true, null)
                        .shownIf("card_type", "Other")));

        assertThat(keys(flow.applicable(Map.of("payment", "Card", "card_type", "Other"))))
                .containsExactly("payment", "card_type", "issuer");
        assertThat(keys(flow.applicable(Map.of("payment", "Transfer", "card_type", "Other"))))
                .containsExactly("payment");
    }

    @Test
    void everyConditionMustHoldAndConditionsMayNameALaterQuestion() {
        IntakeFlow flow = Flows.stored(Flows.of(
                Question.of("export_log", "Attach the export log", QuestionType.FILE, true, null)
                        .shownIf("feature", "Export").shownIf("fails", "Always"),
                Question.of("feature", "Which feature?", QuestionType.CHOICE, true, null, "Export", "Import"),
                Question.of("fails", "How often does it fail?", QuestionType.CHOICE, true, null, "Always", "Sometimes")));

        assertThat(keys(flow.applicable(Map.of("feature", "Export", "fails", "Sometimes"))))
                .containsExactly("feature", "fails");
        assertThat(keys(flow.missing(Map.of("feature", "Export", "fails", "Always"))))
                .containsExactly("export_log");
    }

    @Test
    void aFlowIsForItsCategoryIgnoringCaseAndForItsChannelOrEveryChannel() {
        IntakeFlow everyChannel = MOBILE;
        IntakeFlow emailOnly = Flows.stored(new FlowDraft("Email", "billing", "email", Flows.mobileApp("x")
                .questions()));

        assertThat(everyChannel.isFor("Mobile-App", "PORTAL")).isTrue();
        assertThat(everyChannel.isFor("mobile-app", null)).isTrue();
        assertThat(everyChannel.isFor("billing", null)).isFalse();
        assertThat(emailOnly.channel()).isEqualTo("EMAIL");
        assertThat(emailOnly.isFor("billing", "EMAIL")).isTrue();
        assertThat(emailOnly.isFor("billing", "PORTAL")).isFalse();
        assertThat(emailOnly.isFor("billing", null)).isFalse();
    }

    static List<String> keys(List<Question> questions) {
        return questions.stream().map(Question::key).toList();
    }
}

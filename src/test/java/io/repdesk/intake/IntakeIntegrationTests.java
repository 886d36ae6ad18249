package io.repdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseAlreadyClosed;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;

@RepdeskIntegrationTest
@RecordApplicationEvents
class IntakeIntegrationTests {

    @Autowired
    IntakeManagement intake;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    Journal journal;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    @Test
    void answersRecordTheVersionTheyAnsweredAndACaseFollowsTheFlowsNewVersion() {
        IntakeFlow v1 = intake.create(Flows.mobileApp(category()));
        CaseId caseId = newCase();
        intake.attach(caseId, v1.id());
        intake.answer(caseId, Map.of("platform", "ios", "app_version", "v5.2"));

        IntakeFlow v2 = intake.revise(v1.id(), withQuestion(Flows.mobileApp(v1.category()),
                Question.of("region", "Where are you?", QuestionType.CHOICE, true, "Outages are regional.", "EU", "US")),
                1);
        assertThat(v2.version()).isEqualTo(2);
        assertThat(intake.of(caseId).missing()).extracting(Question::key).containsExactly("region");

        CaseIntake answered = intake.answer(caseId, Map.of("region", "EU"));
        assertThat(answered.missing()).isEmpty();
        assertThat(answered.answered()).extracting(i -> i.question().key() + "=" + i.answer().value() + "@v"
                + i.answer().version()).containsExactly("platform=iOS@v1", "app_version=5.2@v1", "region=EU@v2");
        assertThat(intake.flow(v1.id(), 1).questions()).extracting(Question::key).doesNotContain("region");
        assertThat(intake.history(v1.id())).extracting(IntakeFlow::version).containsExactly(2, 1);

        List<Map<String, Object>> rows = jdbc.sql("""
                select case_id, flow_id, version, answered_by from intake_answer
                where question_key = 'app_version' and value = '5.2' and flow_id = ?
                """).param(v1.id().value()).query().listOfRows();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.get("case_id")).isEqualTo(caseId.value());
            assertThat(row.get("version")).isEqualTo(1);
            assertThat(row.get("answered_by")).isEqualTo(Journal.SYSTEM_ACTOR);
        });
        assertThat(journal.forStream("case", caseId.value())).extracting(JournalEntry::type)
                .containsSubsequence("IntakeFlowAttached", "IntakeAnswered", "IntakeAnswered");
        assertThat(journal.forStream("intake_flow", v1.id().value())).extracting(JournalEntry::type)
                .containsExactly("IntakeFlowCreated", "IntakeFlowRevised");
    }

    @Test
    void changingTheAnswerABranchHangsOnRemovesTheAnswersThatNoLongerApply() {
        IntakeFlow flow = intake.create(Flows.mobileApp(category()));
        CaseId caseId = newCase();
        intake.attach(caseId, flow.id());
        CaseIntake android = intake.answer(caseId, Map.of("platform", "Android", "android_version", "14",
                "app_version", "5.2"));
        assertThat(android.values()).containsKeys("android_version");

        CaseIntake ios = intake.answer(caseId, Map.of("platform", "iOS", "android_version", "14"));

        assertThat(ios.values()).containsOnlyKeys("platform", "app_version");
        assertThat(ios.notAsked()).isEmpty();
        assertThat(journal.forStream("case", caseId.value()).getLast().payload())
                .contains("\"noLongerApplicable\": [\"android_version\"]");
    }

    @Test
    void refusesAnswersThatDoNotFitNamingTheQuestion() {
        IntakeFlow flow = intake.create(Flows.mobileApp(category()));
        CaseId caseId = newCase();
        assertThatThrownBy(() -> intake.answer(caseId, Map.of("platform", "iOS")))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("flowId"));
        intake.attach(caseId, flow.id());

        refused(caseId, Map.of("os", "iOS"), "answers.os", "is not a question");
        refused(caseId, Map.of("platform", "Windows"), "answers.platform", "must be one of Android, iOS");
        refused(caseId, Map.of("platform", "iOS", "android_version", "14"), "answers.android_version",
                "asked only if platform = Android");
        assertThat(intake.of(caseId).values()).isEmpty();
    }

    @Test
    void requestingTheMissingAnswersWritesOneMessageWithEachRationaleJournalsItAndPublishesIt() {
        IntakeFlow flow = intake.create(Flows.mobileApp(category()));
        CaseId caseId = newCase();
        intake.update(caseId, flow.id(), Map.of("platform", "Android"));

        AnswersRequest request = intake.requestMissing(caseId);

        assertThat(request.questions()).extracting(Question::key).containsExactly("app_version", "android_version");
        assertThat(request.text()).contains(cases.get(caseId).reference())
                .contains("1. Which version of the app are you using?")
                .contains("Why we ask: " + Flows.APP_VERSION_RATIONALE)
                .contains("2. Which Android version is the phone on?")
                .doesNotContain("screenshot");
        assertThat(journal.forStream("case", caseId.value()).getLast()).satisfies(e -> {
            assertThat(e.type()).isEqualTo("IntakeAnswersRequested");
            assertThat(e.payload()).contains("\"questions\": [\"app_version\", \"android_version\"]");
        });
        assertThat(events.stream(IntakeAnswersRequested.class))
                .containsExactly(new IntakeAnswersRequested(caseId, request.text()));

        intake.answer(caseId, Map.of("app_version", "5.3", "android_version", "14"));
        assertThatThrownBy(() -> intake.requestMissing(caseId)).isInstanceOf(Conflict.class)
                .hasMessageContaining("nothing to request");
    }

    @Test
    void aRevisionStartedFromAnOldVersionIsRefusedAndAnUnchangedOneMakesNoVersion() {
        IntakeFlow flow = intake.create(Flows.mobileApp(category()));
        FlowDraft renamed = new FlowDraft("Renamed", flow.category(), null, flow.questions());
        assertThat(intake.revise(flow.id(), renamed, 1).version()).isEqualTo(2);

        assertThatThrownBy(() -> intake.revise(flow.id(), Flows.mobileApp(flow.category()), 1))
                .isInstanceOf(Conflict.class).hasMessageContaining("Version 2");
        assertThat(intake.revise(flow.id(), renamed, 2).version()).isEqualTo(2);
    }

    @Test
    void oneFlowPerCategoryAndChannelAndTheCasesChannelWinsOverEveryChannel() {
        String category = category();
        IntakeFlow everyChannel = intake.create(Flows.mobileApp(category));
        IntakeFlow email = intake.create(new FlowDraft("By email", category, "EMAIL",
                Flows.mobileApp(category).questions()));

        assertThatThrownBy(() -> intake.create(Flows.mobileApp(category.toUpperCase())))
                .isInstanceOf(Conflict.class).hasMessageContaining("already serves");
        assertThat(intake.select(List.of("no-such-need", category), "EMAIL")).contains(email);
        assertThat(intake.select(List.of(category), "PORTAL")).contains(everyChannel);
        assertThat(intake.select(List.of("no-such-need"), null)).isEmpty();
    }

    @Test
    void aClosedCasesIntakeCannotChange() {
        IntakeFlow flow = intake.create(Flows.mobileApp(category()));
        CaseId caseId = newCase();
        cases.changeStatus(caseId, CaseStatus.CLOSED);

        assertThatThrownBy(() -> intake.attach(caseId, flow.id())).isInstanceOf(CaseAlreadyClosed.class);
        assertThat(intake.of(caseId).hasFlow()).isFalse();
    }

    private void refused(CaseId caseId, Map<String, String> answers, String field, String reason) {
        assertThatThrownBy(() -> intake.answer(caseId, new HashMap<>(answers)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.reason()).contains(reason);
                });
    }

    private static FlowDraft withQuestion(FlowDraft draft, Question question) {
        List<Question> questions = new ArrayList<>(draft.questions());
        questions.add(question);
        return new FlowDraft(draft.name(), draft.category(), draft.channel(), questions);
    }

    private static String category() {
        return "intake-test-" + UUID.randomUUID();
    }

    private CaseId newCase() {
        var customer = customers.register(new NewCustomer(null, "Intake Tester",
                "intake-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null));
        return contacts.record(new NewContact(customer.id(), null, Channel.EMAIL, Direction.INBOUND, Instant.now(),
                "The app crashes on start", "It crashes every time I open it.", null, null, null, null))
                .contact().caseId();
    }
}

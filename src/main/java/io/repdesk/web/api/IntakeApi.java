package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CASES_READ;
import static io.repdesk.security.ApiScope.CASES_WRITE;
import static io.repdesk.security.ApiScope.SETTINGS_READ;
import static io.repdesk.security.ApiScope.SETTINGS_WRITE;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.intake.AnswersRequest;
import io.repdesk.intake.CaseIntake;
import io.repdesk.intake.Condition;
import io.repdesk.intake.FlowDraft;
import io.repdesk.intake.IntakeAnswer;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.intake.Question;
import io.repdesk.intake.QuestionType;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.IntakeFlowId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Intake flows (each PUT saves a new version) and a case's intake: the flow it follows, its answers and
 * what is missing.
 */
@RestController
@RequestMapping("/api/v1")
class IntakeApi {

    private final IntakeManagement intake;

    IntakeApi(IntakeManagement intake) {
        this.intake = intake;
    }

    /** A question is shown only if every {@code showIf} condition holds: the named question was answered {@code equals}. */
    record ConditionBody(@Nullable String question, @Nullable String equals) {
    }

    record QuestionBody(@Nullable String key, @Nullable String prompt, @Nullable QuestionType type,
            @Nullable Boolean required, @Nullable String rationale, @Nullable List<String> choices,
            @Nullable List<ConditionBody> showIf) {
    }

    /** A flow; on PUT, {@code baseVersion} is the version the change started from (a 409 if another was saved since). */
    record FlowBody(@Nullable String name, @Nullable String category, @Nullable String channel,
            @Nullable List<QuestionBody> questions, @Nullable Integer baseVersion) {
    }

    /** Attaches a flow (when {@code flowId} is given) and records answers by question key; null clears one. */
    record CaseIntakeBody(@Nullable String flowId, @Size(max = 100) @Nullable Map<String, @Nullable String> answers) {
    }

    record QuestionView(String key, String prompt, QuestionType type, boolean required, @Nullable String rationale,
            List<String> choices, List<Condition> showIf) {

        static QuestionView of(Question q) {
            return new QuestionView(q.key(), q.prompt(), q.type(), q.required(), q.rationale(), q.choices(),
                    q.showIf());
        }
    }

    record FlowView(String id, int version, String name, String category, @Nullable String channel,
            List<QuestionView> questions, Instant revisedAt, String revisedBy) {

        static FlowView of(IntakeFlow f) {
            return new FlowView(f.id().toString(), f.version(), f.name(), f.category(), f.channel(),
                    f.questions().stream().map(QuestionView::of).toList(), f.revisedAt(), f.revisedBy());
        }
    }

    record VersionView(int version, String name, int questions, Instant revisedAt, String revisedBy) {
    }

    record AnswerView(String questionKey, String prompt, @Nullable String rationale, String value, int version,
            Instant answeredAt, String answeredBy) {

        static AnswerView of(CaseIntake.Item item) {
            IntakeAnswer a = java.util.Objects.requireNonNull(item.answer());
            return new AnswerView(a.questionKey(), item.question().prompt(), item.question().rationale(), a.value(),
                    a.version(), a.answeredAt(), a.answeredBy());
        }
    }

    record FlowRef(String id, String name, int version) {
    }

    /**
     * @param answers the answers to the questions that apply, in flow order
     * @param missing the required questions that apply and are unanswered
     * @param unanswered every question that applies and is unanswered, required or not
     * @param notAsked answers kept from before that no current question asks for
     */
    record CaseIntakeView(String caseId, @Nullable FlowRef flow, List<AnswerView> answers,
            List<QuestionView> missing, List<QuestionView> unanswered, List<AnswerView> notAsked) {

        static CaseIntakeView of(CaseIntake i) {
            IntakeFlow f = i.flow();
            return new CaseIntakeView(i.caseId().toString(), f == null ? null : new FlowRef(f.id().toString(),
                    f.name(), f.version()), i.answered().stream().map(AnswerView::of).toList(),
                    i.missing().stream().map(QuestionView::of).toList(),
                    i.asked().stream().filter(item -> !item.answered()).map(item -> QuestionView.of(item.question()))
                            .toList(),
                    i.notAsked().stream().map(AnswerView::of).toList());
        }
    }

    record AnswersRequestView(String caseId, String text, List<String> questions) {
    }

    @GetMapping("/intake-flows")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<FlowView> flows(@RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String channel) {
        return intake.flows().stream()
                .filter(f -> category == null || f.category().equalsIgnoreCase(category.strip()))
                .filter(f -> channel == null || f.channel() == null || f.channel().equalsIgnoreCase(channel.strip()))
                .map(FlowView::of).toList();
    }

    @PostMapping("/intake-flows")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    ResponseEntity<FlowView> create(@Valid @RequestBody FlowBody body) {
        IntakeFlow created = intake.create(draft(body));
        return ResponseEntity.created(URI.create("/api/v1/intake-flows/" + created.id())).body(FlowView.of(created));
    }

    /** The current version, or the one asked for. */
    @GetMapping("/intake-flows/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    FlowView flow(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version) {
        IntakeFlowId flowId = new IntakeFlowId(id);
        return FlowView.of(version == null ? intake.flow(flowId) : intake.flow(flowId, version));
    }

    /** Saves the body as the flow's next version (unless it equals the current one). */
    @PutMapping("/intake-flows/{id}")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    FlowView revise(@PathVariable UUID id, @Valid @RequestBody FlowBody body) {
        return FlowView.of(intake.revise(new IntakeFlowId(id), draft(body), body.baseVersion()));
    }

    @GetMapping("/intake-flows/{id}/versions")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<VersionView> versions(@PathVariable UUID id) {
        return intake.history(new IntakeFlowId(id)).stream()
                .map(f -> new VersionView(f.version(), f.name(), f.questions().size(), f.revisedAt(), f.revisedBy()))
                .toList();
    }

    @GetMapping("/cases/{id}/intake")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CASES_READ)
    CaseIntakeView caseIntake(@PathVariable UUID id) {
        return CaseIntakeView.of(intake.of(new CaseId(id)));
    }

    @PutMapping("/cases/{id}/intake")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseIntakeView answer(@PathVariable UUID id, @Valid @RequestBody CaseIntakeBody body) {
        IntakeFlowId flowId = body.flowId() == null ? null : IntakeFlowId.of(body.flowId());
        Map<String, @Nullable String> answers = body.answers() == null ? Map.of() : new LinkedHashMap<>(body.answers());
        return CaseIntakeView.of(intake.update(new CaseId(id), flowId, answers));
    }

    /** Composes the message asking for the missing required answers (the hook the channels will send it by). */
    @PostMapping("/cases/{id}/intake/requests")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    AnswersRequestView requestMissing(@PathVariable UUID id) {
        AnswersRequest request = intake.requestMissing(new CaseId(id));
        return new AnswersRequestView(request.caseId().toString(), request.text(),
                request.questions().stream().map(Question::key).toList());
    }

    private static FlowDraft draft(FlowBody body) {
        List<Question> questions = body.questions() == null ? List.of() : body.questions().stream()
                .map(IntakeApi::question).toList();
        return new FlowDraft(body.name(), body.category(), body.channel(), questions);
    }

    private static @Nullable Question question(@Nullable QuestionBody q) {
        if (q == null) {
            return null;
        }
        List<Condition> showIf = q.showIf() == null ? null : q.showIf().stream()
                .map(c -> c == null ? null : new Condition(c.question(), c.equals())).toList();
        return new Question(q.key(), q.prompt(), q.type(), Boolean.TRUE.equals(q.required()), q.rationale(),
                q.choices(), showIf);
    }
}

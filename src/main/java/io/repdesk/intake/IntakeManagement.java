package io.repdesk.intake;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseAlreadyClosed;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.SupportCase;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.IntakeFlowId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;

/**
 * Defines and revises intake flows, attaches one to a case, stores its answers and asks the customer
 * for the missing ones. Every change is journaled: flows on stream {@code intake_flow}, a case's intake on
 * its {@code case} stream.
 */
@Service
@Transactional(readOnly = true)
public class IntakeManagement {

    private final IntakeFlows flows;
    private final IntakeAnswers answers;
    private final CaseManagement cases;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntakeManagement(IntakeFlows flows, IntakeAnswers answers, CaseManagement cases, Journal journal,
            ApplicationEventPublisher events, Clock clock) {
        this.flows = flows;
        this.answers = answers;
        this.cases = cases;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public IntakeFlow create(FlowDraft draft) {
        FlowDraft valid = draft.validated();
        refuseTaken(valid, null);
        IntakeFlow flow = version(IntakeFlowId.random(), 1, valid);
        flows.save(flow);
        journal.append("intake_flow", flow.id().value(), "IntakeFlowCreated", facts(flow));
        return flow;
    }

    /**
     * Saves the draft as the flow's next version; a draft equal to the current version changes nothing.
     *
     * @param baseVersion the version the editor started from; when another was saved since, the revision
     *     is refused rather than silently undoing it. Null to skip the check.
     */
    @Transactional
    public IntakeFlow revise(IntakeFlowId id, FlowDraft draft, @Nullable Integer baseVersion) {
        int current = flows.lockCurrentVersion(id).orElseThrow(() -> new NotFound("intake flow", "flowId", id));
        if (baseVersion != null && baseVersion != current) {
            throw new Conflict("Version " + current + " of this flow was saved after version " + baseVersion
                    + ", which this change started from; reload the flow and make the change again");
        }
        FlowDraft valid = draft.validated();
        IntakeFlow latest = flow(id);
        if (sameContent(latest, valid)) {
            return latest;
        }
        refuseTaken(valid, id);
        IntakeFlow next = version(id, current + 1, valid);
        flows.save(next);
        journal.append("intake_flow", id.value(), "IntakeFlowRevised", facts(next));
        return next;
    }

    /** The current version of a flow. */
    public IntakeFlow flow(IntakeFlowId id) {
        return flows.current(id).orElseThrow(() -> new NotFound("intake flow", "flowId", id));
    }

    public IntakeFlow flow(IntakeFlowId id, int version) {
        return flows.version(id, version).orElseThrow(() -> new NotFound("intake flow version", "version",
                id + " version " + version));
    }

    /** Every version of a flow, newest first. */
    public List<IntakeFlow> history(IntakeFlowId id) {
        List<IntakeFlow> history = flows.history(id);
        if (history.isEmpty()) {
            throw new NotFound("intake flow", "flowId", id);
        }
        return history;
    }

    /** The current version of every flow, by name. */
    public List<IntakeFlow> flows() {
        return flows.all();
    }

    /**
     * The flow for a case: the first category that has one wins; within it a flow for the case's channel
     * beats a flow for every channel.
     *
     * @param categories candidate categories, most specific first (the need key, then the product area)
     */
    public Optional<IntakeFlow> select(List<String> categories, @Nullable String channel) {
        List<IntakeFlow> all = flows.all();
        for (String category : categories) {
            Optional<IntakeFlow> best = all.stream().filter(f -> f.isFor(category, channel))
                    .min((a, b) -> Boolean.compare(a.channel() == null, b.channel() == null));
            if (best.isPresent()) {
                return best;
            }
        }
        return Optional.empty();
    }

    /** The case's intake, judged against the current version of its flow. */
    /** How many of the given cases gave each intake answer; over every case when {@code among} is null. */
    public AnswerCounts answerCounts(java.util.@Nullable Collection<CaseId> among) {
        return answers.count(among);
    }

    public CaseIntake of(CaseId caseId) {
        cases.get(caseId);
        return answers.flowOf(caseId).map(flowId -> view(caseId, flow(flowId)))
                .orElseGet(() -> new CaseIntake(caseId, null, List.of(), List.of()));
    }

    /** Lets the case follow a flow (replacing another); answers given to another flow are kept but not shown. */
    @Transactional
    public CaseIntake attach(CaseId caseId, IntakeFlowId flowId) {
        return update(caseId, flowId, Map.of());
    }

    /** Records answers by question key; a null or blank value clears an answer. */
    @Transactional
    public CaseIntake answer(CaseId caseId, Map<String, @Nullable String> given) {
        return update(caseId, null, given);
    }

    /**
     * Attaches a flow (when one is given) and records answers, in one transaction. Answers are checked
     * against the flow's current version and record it; an unchanged answer is left as it was. Answers to
     * questions that no longer apply after the change are removed.
     */
    @Transactional
    public CaseIntake update(CaseId caseId, @Nullable IntakeFlowId flowId, Map<String, @Nullable String> given) {
        changeable(caseId);
        Optional<IntakeFlowId> attached = answers.lockFlowOf(caseId);
        if (flowId != null && !attached.equals(Optional.of(flowId))) {
            attachFlow(caseId, flow(flowId), attached.orElse(null));
            attached = Optional.of(flowId);
        }
        if (given.isEmpty()) {
            return of(caseId);
        }
        IntakeFlow flow = flow(attached.orElseThrow(() -> new InvalidInput("flowId",
                "is not set: attach an intake flow to the case before answering")));
        recordAnswers(caseId, flow, given);
        return view(caseId, flow);
    }

    /**
     * Composes the message asking the customer for every missing required answer with why it is asked,
     * journals the request and publishes {@link IntakeAnswersRequested} for the channel that will send it.
     */
    @Transactional
    public AnswersRequest requestMissing(CaseId caseId) {
        SupportCase supportCase = changeable(caseId);
        CaseIntake intake = of(caseId);
        if (intake.flow() == null) {
            throw new InvalidInput("flowId", "is not set: attach an intake flow to the case first");
        }
        List<Question> missing = intake.missing();
        if (missing.isEmpty()) {
            throw new Conflict("Every required answer is in; there is nothing to request");
        }
        String text = RequestText.compose(supportCase.reference(), missing);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("flowId", intake.flow().id().toString());
        facts.put("version", intake.flow().version());
        facts.put("questions", missing.stream().map(Question::key).toList());
        journal.append("case", caseId.value(), "IntakeAnswersRequested", facts);
        events.publishEvent(new IntakeAnswersRequested(caseId, text));
        return new AnswersRequest(caseId, text, missing);
    }

    private void attachFlow(CaseId caseId, IntakeFlow flow, @Nullable IntakeFlowId previous) {
        answers.attach(caseId, flow.id(), now(), Journal.currentActor());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("flowId", flow.id().toString());
        facts.put("flow", flow.name());
        facts.put("version", flow.version());
        facts.put("previousFlowId", previous == null ? null : previous.toString());
        journal.append("case", caseId.value(), "IntakeFlowAttached", facts);
    }

    private void recordAnswers(CaseId caseId, IntakeFlow flow, Map<String, @Nullable String> given) {
        Map<String, IntakeAnswer> stored = answers.of(caseId, flow.id()).stream()
                .collect(Collectors.toMap(IntakeAnswer::questionKey, Function.identity()));
        Map<String, @Nullable String> changes = AnswerChanges.of(flow, stored, given);
        Map<String, String> merged = AnswerChanges.merge(stored, changes);
        Set<String> applicable = flow.applicable(merged).stream().map(Question::key).collect(Collectors.toSet());
        AnswerChanges.refuseInapplicable(flow, changes, applicable);
        List<String> dropped = stored.keySet().stream().filter(key -> flow.question(key).isPresent())
                .filter(key -> !applicable.contains(key) && !changes.containsKey(key)).sorted().toList();
        if (changes.isEmpty() && dropped.isEmpty()) {
            return;
        }
        Instant now = now();
        String actor = Journal.currentActor();
        List<String> cleared = new ArrayList<>(dropped);
        changes.forEach((key, value) -> {
            if (value == null) {
                cleared.add(key);
            } else {
                answers.put(caseId, new IntakeAnswer(flow.id(), flow.version(), key, value, now, actor));
            }
        });
        answers.remove(caseId, flow.id(), cleared);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("flowId", flow.id().toString());
        facts.put("version", flow.version());
        facts.put("answers", changes);
        facts.put("noLongerApplicable", dropped);
        journal.append("case", caseId.value(), "IntakeAnswered", facts);
    }

    private CaseIntake view(CaseId caseId, IntakeFlow flow) {
        List<IntakeAnswer> stored = answers.of(caseId, flow.id());
        Map<String, IntakeAnswer> byKey = stored.stream()
                .collect(Collectors.toMap(IntakeAnswer::questionKey, Function.identity()));
        Map<String, String> values = byKey.values().stream()
                .collect(Collectors.toMap(IntakeAnswer::questionKey, IntakeAnswer::value));
        List<Question> applicable = flow.applicable(values);
        List<CaseIntake.Item> asked = applicable.stream().map(q -> new CaseIntake.Item(q, byKey.get(q.key())))
                .toList();
        Set<String> askedKeys = applicable.stream().map(Question::key).collect(Collectors.toSet());
        List<CaseIntake.Item> notAsked = stored.stream().filter(a -> !askedKeys.contains(a.questionKey()))
                .map(a -> new CaseIntake.Item(askedIn(flow, a), a)).toList();
        return new CaseIntake(caseId, flow, asked, notAsked);
    }

    /** The question an answer was given to: in the current version, else in the version it answered. */
    private Question askedIn(IntakeFlow current, IntakeAnswer answer) {
        return current.question(answer.questionKey())
                .or(() -> flows.version(answer.flowId(), answer.version())
                        .flatMap(f -> f.question(answer.questionKey())))
                .orElseGet(() -> Question.of(answer.questionKey(), answer.questionKey(), QuestionType.TEXT, false,
                        null));
    }

    /** Now, to the microsecond PostgreSQL keeps, so what is returned equals what is read back later. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private SupportCase changeable(CaseId caseId) {
        SupportCase supportCase = cases.get(caseId);
        if (supportCase.status() == CaseStatus.CLOSED) {
            throw new CaseAlreadyClosed(supportCase.reference());
        }
        return supportCase;
    }

    private void refuseTaken(FlowDraft draft, @Nullable IntakeFlowId self) {
        flows.takenBy(draft.category(), draft.channel(), self).ifPresent(other -> {
            throw new Conflict("The flow '" + other + "' already serves category '" + draft.category() + "'"
                    + (draft.channel() == null ? " on every channel" : " on " + draft.channel())
                    + "; edit that flow or choose another category or channel");
        });
    }

    private IntakeFlow version(IntakeFlowId id, int version, FlowDraft valid) {
        return new IntakeFlow(id, version, valid.name(), valid.category(), valid.channel(), valid.questions(),
                now(), Journal.currentActor());
    }

    private static boolean sameContent(IntakeFlow flow, FlowDraft draft) {
        return flow.name().equals(draft.name()) && flow.category().equals(draft.category())
                && Objects.equals(flow.channel(), draft.channel()) && flow.questions().equals(draft.questions());
    }

    private static Map<String, Object> facts(IntakeFlow flow) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("version", flow.version());
        facts.put("name", flow.name());
        facts.put("category", flow.category());
        facts.put("channel", flow.channel());
        facts.put("questions", flow.questions().stream().map(Question::key).toList());
        return facts;
    }
}

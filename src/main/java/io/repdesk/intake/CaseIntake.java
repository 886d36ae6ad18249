package io.repdesk.intake;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;

/**
 * Where a case stands with its intake flow, judged against the flow's current version.
 *
 * @param flow the current version of the flow the case follows; null when none is attached
 * @param asked the questions that apply given the answers so far, in flow order, each with its answer if any
 * @param notAsked answers kept from before that no current question asks for: the question was removed in a
 *     later version, or an earlier answer changed and it no longer applies
 */
public record CaseIntake(CaseId caseId, @Nullable IntakeFlow flow, List<Item> asked, List<Item> notAsked) {

    /** A question with its answer (null when unanswered); for a removed question, the one the answer was given to. */
    public record Item(Question question, @Nullable IntakeAnswer answer) {

        public boolean answered() {
            return answer != null;
        }

        public boolean missing() {
            return answer == null && question.required();
        }
    }

    public boolean hasFlow() {
        return flow != null;
    }

    /** The required questions that apply and are unanswered, in flow order. */
    public List<Question> missing() {
        return asked.stream().filter(Item::missing).map(Item::question).toList();
    }

    /** The questions that apply and are answered, in flow order. */
    public List<Item> answered() {
        return asked.stream().filter(Item::answered).toList();
    }

    /** The answers to the questions that apply, by question key. */
    public Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>();
        asked.stream().filter(Item::answered).forEach(i -> values.put(i.question().key(), i.answer().value()));
        return values;
    }
}

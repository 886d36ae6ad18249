package io.repdesk.intake;

import java.util.List;

import io.repdesk.shared.CaseId;

/** The message that asks the customer for every missing required answer, with why each is asked. */
public record AnswersRequest(CaseId caseId, String text, List<Question> questions) {
}

package io.repdesk.intake;

import java.time.Instant;

import io.repdesk.shared.IntakeFlowId;

/**
 * One stored answer of a case: a row of {@code intake_answer}, the diagnostics analytics query.
 *
 * @param version the flow version that was current when the answer was given
 * @param value the answer in its question type's canonical form
 */
public record IntakeAnswer(IntakeFlowId flowId, int version, String questionKey, String value, Instant answeredAt,
        String answeredBy) {
}

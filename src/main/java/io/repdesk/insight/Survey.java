package io.repdesk.insight;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;

/**
 * One case's satisfaction survey: what its page shows.
 *
 * @param score the answer, 1 to 5, once given
 */
public record Survey(CaseId caseId, String reference, String subject, Instant expiresAt, @Nullable Integer score,
        @Nullable String comment) {

    /** Scores from 1 (very dissatisfied) to 5 (very satisfied), with their labels. */
    public static final java.util.List<String> LABELS = java.util.List.of("Very dissatisfied", "Dissatisfied",
            "Neither satisfied nor dissatisfied", "Satisfied", "Very satisfied");

    /** Longest comment kept, in characters. */
    public static final int MAX_COMMENT = 2_000;

    public boolean answered() {
        return score != null;
    }
}

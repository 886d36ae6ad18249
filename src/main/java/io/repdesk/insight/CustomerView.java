package io.repdesk.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer as an account manager sees it before a renewal call: open cases, the needs the customer ran into,
 * SLA breaches, reopened cases, satisfaction and the goodwill given.
 */
public record CustomerView(long cases, long openCases, long breaches, long reopened, List<NeedSeen> needs,
        @Nullable Double satisfaction, long surveysAnswered) {

    /** A need the customer experienced: in how many cases, the last opened when. */
    public record NeedSeen(@Nullable UUID needId, String title, String stage, long cases, Instant lastOpened) {
    }
}

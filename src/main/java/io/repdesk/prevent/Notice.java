package io.repdesk.prevent;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.repdesk.shared.NeedId;

/**
 * A proactive notice sent about a need to the customers of a cohort who had not contacted us about it.
 *
 * @param cohort the environment values every recipient runs ({@code version=Android 5.2})
 * @param alreadyAffected cohort customers left out because they had contacted us about the need already
 * @param optedOut cohort customers left out because they opted out of notices
 */
public record Notice(UUID id, NeedId needId, List<String> cohort, String subject, String body, Instant sentAt,
        String sentBy, int cohortSize, int alreadyAffected, int optedOut, int recipients) {

    public Notice {
        cohort = List.copyOf(cohort);
    }
}

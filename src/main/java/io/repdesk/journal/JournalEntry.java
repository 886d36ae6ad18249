package io.repdesk.journal;

import java.time.Instant;
import java.util.UUID;

/**
 * One recorded change.
 *
 * @param sequence global order of the change; strictly increasing in commit order per writer
 * @param stream the kind of thing changed ({@code case}, {@code need}, …)
 * @param streamId the id of the thing changed
 * @param type what happened, a past-tense name ({@code CaseOpened})
 * @param actor who did it: an agent's username, a customer, or {@code repdesk}
 * @param payload the facts of the change as a JSON object
 */
public record JournalEntry(long sequence, Instant occurredAt, String stream, UUID streamId, String type,
        String actor, String payload) {
}

package io.repdesk.need;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;

/**
 * A group of triage contacts that match no known need but resemble each other: a need in the making.
 *
 * @param title the words of the member closest to the group's centre
 * @param recent members in the last 7 days; {@code previous} in the 7 days before
 * @param concentrations environment values over-represented among the members' customers
 */
public record EmergingNeed(UUID id, String title, int size, int recent, int previous, Instant firstSeen,
        Instant lastSeen, List<CaseId> cases, List<String> samples, List<Concentration> concentrations,
        Status status, @Nullable NeedId promotedTo) {

    public enum Status {
        OPEN, PROMOTED, DISMISSED
    }

    /**
     * An environment value ("platform=Android") and how much more common it is among the members'
     * customers than among all customers.
     */
    public record Concentration(String value, double share, double baseShare) {

        public double lift() {
            return baseShare <= 0 ? 0 : share / baseShare;
        }
    }

    /** The same group with another status (and the need it became, when promoted). */
    public EmergingNeed withStatus(Status newStatus, @Nullable NeedId need) {
        return new EmergingNeed(id, title, size, recent, previous, firstSeen, lastSeen, cases, samples, concentrations,
                newStatus, need);
    }

    /** Growth over the last week against the week before: members per week, then the difference. */
    public int growth() {
        return recent - previous;
    }
}

package io.repdesk.insight;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Organizations with more problems than their peers: contacts per seat (customer) over a range against the median
 * of organizations on the same plan and of the same size, with the needs that drive it.
 */
public record Peers(List<Organization> organizations) {

    /** Organizations this many times the peer median or more are listed as retraining candidates. */
    public static final double CANDIDATE_RATIO = 1.5;

    /**
     * One organization against its peers.
     *
     * @param size the size band: "1-9 seats", "10-49 seats" or "50+ seats"
     * @param ratio contacts per seat divided by the peer median (0 where the median is 0)
     */
    public record Organization(UUID organizationId, String name, String plan, String size, long seats, long contacts,
            double perSeat, double peerMedian, long peerCount, double ratio, List<Driver> drivers) {

        public boolean candidate() {
            return peerCount > 1 && ratio >= CANDIDATE_RATIO;
        }
    }

    /** A need behind an organization's contacts. */
    public record Driver(@Nullable UUID needId, String title, long contacts) {
    }
}

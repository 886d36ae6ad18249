package io.repdesk.sla;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Policies the SLA tests share. */
final class Policies {

    private Policies() {
    }

    /**
     * First response 4h, next response 2h, resolution 16h (two business days) on the New York office
     * calendar; paused while waiting on the customer; warns an hour ahead.
     */
    static SlaPolicy standard() {
        return pausingIn(Set.of(CaseState.WAITING_ON_CUSTOMER));
    }

    static SlaPolicy pausingIn(Set<CaseState> paused) {
        return new SlaPolicy("Standard", Calendars.newYorkOffice(),
                Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(4), SlaTarget.NEXT_RESPONSE, Duration.ofHours(2),
                        SlaTarget.RESOLUTION, Duration.ofHours(16)),
                paused, Duration.ofHours(1));
    }
}

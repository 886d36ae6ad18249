package io.repdesk.web.admin;

import java.time.ZoneId;
import java.util.List;

/** The time-zone ids the forms offer, sorted. */
final class Zones {

    static final List<String> ALL = ZoneId.getAvailableZoneIds().stream().sorted().toList();

    private Zones() {
    }
}

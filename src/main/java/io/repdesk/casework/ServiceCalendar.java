package io.repdesk.casework;

import io.repdesk.shared.CalendarId;
import io.repdesk.sla.BusinessCalendar;

/** A business-hours calendar as repdesk keeps it: the calendar under a stable id. */
public record ServiceCalendar(CalendarId id, BusinessCalendar calendar) {

    public String name() {
        return calendar.name();
    }
}

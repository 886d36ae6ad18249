package io.repdesk.casework;

import java.time.LocalDate;

/** How many of something happened in the week starting on {@code week} (a Monday). */
public record WeeklyCount(LocalDate week, long count) {
}

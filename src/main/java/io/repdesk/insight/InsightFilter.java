package io.repdesk.insight;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.InvalidInput;

/**
 * What a dashboard shows: the days from {@code from} to {@code to}, both included, optionally one channel,
 * one demand class and one lifecycle stage.
 */
public record InsightFilter(LocalDate from, LocalDate to, @Nullable String channel, @Nullable String demandClass,
        @Nullable String stage) {

    /** Longest range a dashboard covers, in days. */
    public static final int MAX_DAYS = 3 * 366;

    public InsightFilter {
        if (to.isBefore(from)) {
            throw new InvalidInput("to", "must not be before from (" + from + ")");
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidInput("from", "must be at most " + MAX_DAYS + " days before to");
        }
        channel = blankToNull(channel);
        demandClass = blankToNull(demandClass);
        stage = blankToNull(stage);
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

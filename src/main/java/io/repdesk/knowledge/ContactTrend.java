package io.repdesk.knowledge;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.WeeklyCount;

/**
 * Inbound contacts per week about one or more needs (contacts on cases that carry them), before and after an
 * article went live.
 *
 * @param weekly inbound contacts per week over the last half year, every week present (zeros included)
 * @param published when the article (for a need: its first still-published article) went live; null without one
 * @param beforePerWeek average contacts per week in the eight weeks before the week of {@code published}
 * @param afterPerWeek average contacts per week in the whole weeks since (at most eight); null when too soon
 */
public record ContactTrend(List<WeeklyCount> weekly, @Nullable Instant published, @Nullable Double beforePerWeek,
        @Nullable Double afterPerWeek) {

    public ContactTrend {
        weekly = List.copyOf(weekly);
    }

    /** The change in contacts per week after publication, as a fraction (-0.4 = 40 % fewer); null when unknown. */
    public @Nullable Double change() {
        return beforePerWeek == null || afterPerWeek == null || beforePerWeek == 0 ? null
                : afterPerWeek / beforePerWeek - 1;
    }

    public boolean falling() {
        Double change = change();
        return change != null && change < 0;
    }

    /** The Monday of the week the article went live; null without one. */
    public @Nullable LocalDate publishedWeek() {
        return published == null ? null
                : LocalDate.ofInstant(published, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }
}

package io.repdesk.prevent;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.HandlingCost;

/**
 * A need's signals: volume, distinct customers per week and the trend, handling cost, repeat contacts and time to
 * resolution.
 *
 * @param cases the need's cases (merged duplicates left out)
 * @param contacts the customers' messages on them
 * @param customers the distinct customers who opened them
 * @param repeatContacts cases a customer opened again for the need within the repeat window of their previous one
 * @param medianResolution the median time from opening to resolution of resolved cases, or null when none is
 */
public record Signals(long cases, long contacts, long customers, List<Evidence.Week> weekly, Evidence.Trend trend,
        Evidence.Cost cost, long repeatContacts, @Nullable Duration medianResolution) {

    static final int WEEKS_SHOWN = 26;
    static final int BASELINE_WEEKS = 8;

    /** The Monday (UTC) that starts the ISO week of the moment. */
    static LocalDate week(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** The first week the weekly series shows, for a series ending in the week of {@code now}. */
    static LocalDate firstWeekShown(Instant now) {
        return week(now).minusWeeks(WEEKS_SHOWN - 1L);
    }

    /** The weeks shown up to the week of {@code now}, each with its contacts and customers (absent weeks empty). */
    static List<Evidence.Week> weekly(Map<LocalDate, Evidence.Week> counted, Instant now) {
        LocalDate last = week(now);
        List<Evidence.Week> weeks = new ArrayList<>();
        for (LocalDate w = firstWeekShown(now); !w.isAfter(last); w = w.plusWeeks(1)) {
            weeks.add(counted.getOrDefault(w, new Evidence.Week(w, 0, 0)));
        }
        return weeks;
    }

    /** The last full week against the mean of the weeks before it. */
    static Evidence.Trend trend(List<Evidence.Week> weeks) {
        int last = weeks.size() - 2;
        long lastWeek = weeks.get(last).contacts();
        double baseline = weeks.subList(last - BASELINE_WEEKS, last).stream().mapToLong(Evidence.Week::contacts)
                .average().orElse(0);
        return new Evidence.Trend(lastWeek, baseline, lastWeek >= 5 && lastWeek >= 2 * Math.max(baseline, 1));
    }

    /** Agent minutes priced per agent hour, and per customer message. */
    static Evidence.Cost cost(HandlingCost cost, long minutes, long contacts) {
        BigDecimal amount = cost.price(minutes);
        return new Evidence.Cost(minutes, amount, cost.currency(), contacts == 0 ? null
                : amount.divide(BigDecimal.valueOf(contacts), 2, RoundingMode.HALF_UP));
    }

    /** The median of the durations, sorted shortest first (the upper one of an even count), or null for none. */
    static @Nullable Duration median(List<Duration> sorted) {
        return sorted.isEmpty() ? null : sorted.get(sorted.size() / 2);
    }
}

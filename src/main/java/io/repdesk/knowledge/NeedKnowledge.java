package io.repdesk.knowledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.WeeklyCount;

/**
 * A need's knowledge at a glance: its articles, what self-service and agents made of them, and whether
 * contacts fell after the first article was published.
 *
 * @param weekly cases opened per week over the last half year, every week present (zeros included)
 * @param firstPublished when the need's first still-published article went live; null without one
 * @param beforePerWeek average cases per week in the eight weeks before {@code firstPublished}
 * @param afterPerWeek average cases per week since then (at most eight weeks, whole weeks only)
 * @param gap a busy need with no published article: {@code recentCases} in the last 30 days reached the threshold
 */
public record NeedKnowledge(List<Article> articles, Usage usage, List<WeeklyCount> weekly,
        @Nullable Instant firstPublished, @Nullable Double beforePerWeek, @Nullable Double afterPerWeek,
        long recentCases, boolean gap) {

    /** The change in cases per week after publication, as a fraction (-0.4 = 40 % fewer); null when unknown. */
    public @Nullable Double change() {
        return beforePerWeek == null || afterPerWeek == null || beforePerWeek == 0 ? null
                : afterPerWeek / beforePerWeek - 1;
    }

    public boolean falling() {
        Double change = change();
        return change != null && change < 0;
    }
}

package io.repdesk.knowledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.WeeklyCount;

/**
 * A need's knowledge at a glance: its articles, what self-service and agents made of them, and whether
 * inbound contacts fell after the first article was published.
 *
 * @param contacts inbound contacts per week about the need, before and after its first still-published article
 * @param gap a busy need with no published article: {@code recentCases} in the last 30 days reached the threshold
 */
public record NeedKnowledge(List<Article> articles, Usage usage, ContactTrend contacts, long recentCases,
        boolean gap) {

    public List<WeeklyCount> weekly() {
        return contacts.weekly();
    }

    public @Nullable Instant firstPublished() {
        return contacts.published();
    }

    public @Nullable Double beforePerWeek() {
        return contacts.beforePerWeek();
    }

    public @Nullable Double afterPerWeek() {
        return contacts.afterPerWeek();
    }

    /** The change in contacts per week after publication, as a fraction (-0.4 = 40 % fewer); null when unknown. */
    public @Nullable Double change() {
        return contacts.change();
    }

    public boolean falling() {
        return contacts.falling();
    }
}

package io.repdesk.insight;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A customer as an account manager sees it before a renewal call: open cases, the needs the customer ran into,
 * SLA breaches, reopened cases, satisfaction and the goodwill given.
 */
public record CustomerView(long cases, long openCases, long breaches, long reopened, List<NeedSeen> needs,
        @Nullable Double satisfaction, long surveysAnswered, List<Goodwill> goodwill) {

    /** The goodwill given, per currency ("25.00 EUR"). */
    public List<String> goodwillTotals() {
        return goodwill.stream().collect(java.util.stream.Collectors.groupingBy(Goodwill::currency,
                java.util.TreeMap::new, java.util.stream.Collectors.reducing(java.math.BigDecimal.ZERO,
                        Goodwill::amount, java.math.BigDecimal::add)))
                .entrySet().stream().map(e -> e.getValue().toPlainString() + " " + e.getKey()).toList();
    }

    /** A need the customer experienced: in how many cases, the last opened when. */
    public record NeedSeen(@Nullable UUID needId, String title, String stage, long cases, Instant lastOpened) {
    }
}

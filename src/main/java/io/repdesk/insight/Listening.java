package io.repdesk.insight;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The listening post: contacts marked as feedback or a suggestion, per product area and need, week by week, and
 * each marked contact for product teams.
 */
public record Listening(List<Area> areas, List<Week> weeks, List<Marked> contacts) {

    /** Marked contacts of one kind about one need in one product area. */
    public record Area(String product, @Nullable UUID needId, String need, String kind, long contacts) {
    }

    /** Marked contacts of one kind in the week starting on {@code week}. */
    public record Week(LocalDate week, String kind, long contacts) {
    }

    /** One marked contact. */
    public record Marked(UUID contactId, LocalDate day, String kind, String product, String version, String need,
            String excerpt, String markedBy) {
    }
}

package io.repdesk.knowledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;

/**
 * A knowledge article in its current version. The text fields are Markdown.
 *
 * @param number the short reference agents quote ({@code KB-12})
 * @param issue the problem in the customer's words
 * @param environment where it happens: product, version, platform, configuration
 * @param resolution what makes the problem go away (or the workaround)
 * @param cause why it happens, when known
 * @param product the product it concerns, for filtering; null for any
 * @param version the number of saved versions; each save adds one
 */
public record Article(ArticleId id, long number, String title, String issue, String environment, String resolution,
        String cause, @Nullable String product, Audience audience, ArticleState state, int version,
        List<NeedId> needIds, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        @Nullable Instant publishedAt, @Nullable String publishedBy) {

    public String reference() {
        return "KB-" + number;
    }

    public boolean isPublished() {
        return state == ArticleState.PUBLISHED;
    }
}

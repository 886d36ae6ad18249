package io.repdesk.knowledge;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.NeedId;

/** Narrows the article list; every part is optional. {@code query} matches the title or reference text. */
public record ArticleFilter(@Nullable ArticleState state, @Nullable Audience audience, @Nullable NeedId needId,
        @Nullable String query) {

    public static ArticleFilter all() {
        return new ArticleFilter(null, null, null, null);
    }
}

package io.repdesk.shared;

import java.util.UUID;

/** Identifies an article; random, so it cannot be guessed from another. */
public record ArticleId(UUID value) implements TypedId {

    public ArticleId {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static ArticleId random() {
        return new ArticleId(UUID.randomUUID());
    }

    public static ArticleId of(String text) {
        return new ArticleId(Ids.parse(text, "articleId"));
    }

    @Override
    public String toString() {
        return value.toString();
    }
}

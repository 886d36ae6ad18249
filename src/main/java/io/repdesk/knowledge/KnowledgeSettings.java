package io.repdesk.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knowledge module's settings.
 *
 * @param gapCases cases in the last 30 days from which a need without a published article is a knowledge gap
 * @param minSimilarity the cosine between a text and an article below which the article is not found by meaning
 *     alone (it may still be found by its words); tuned by {@code repdesk eval suggestions}
 * @param suggestNeedConfidence how sure need matching must be before the matched need's articles are suggested
 *     first while a customer types; tuned by {@code repdesk eval suggestions}
 */
@ConfigurationProperties("repdesk.knowledge")
public record KnowledgeSettings(@DefaultValue("10") int gapCases, @DefaultValue("0.62") float minSimilarity,
        @DefaultValue("0.35") float suggestNeedConfidence) {

    public KnowledgeSettings {
        if (gapCases < 1) {
            throw new IllegalArgumentException("repdesk.knowledge.gap-cases must be 1 or more, not " + gapCases);
        }
        if (!(minSimilarity >= -1 && minSimilarity <= 1)) {
            throw new IllegalArgumentException(
                    "repdesk.knowledge.min-similarity must be between -1 and 1, not " + minSimilarity);
        }
        if (!(suggestNeedConfidence >= 0 && suggestNeedConfidence <= 1)) {
            throw new IllegalArgumentException(
                    "repdesk.knowledge.suggest-need-confidence must be between 0 and 1, not " + suggestNeedConfidence);
        }
    }
}

package io.repdesk.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The knowledge module's settings.
 *
 * @param gapCases cases in the last 30 days from which a need without a published article is a knowledge gap
 */
@ConfigurationProperties("repdesk.knowledge")
public record KnowledgeSettings(@DefaultValue("10") int gapCases) {

    public KnowledgeSettings {
        if (gapCases < 1) {
            throw new IllegalArgumentException("repdesk.knowledge.gap-cases must be 1 or more, not " + gapCases);
        }
    }
}

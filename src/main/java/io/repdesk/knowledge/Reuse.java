package io.repdesk.knowledge;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CaseId;

/**
 * An agent used an article in a reply on a case (KCS: reuse is review).
 *
 * @param needsImprovement the agent flagged the article as needing improvement
 */
public record Reuse(UUID id, ArticleId articleId, CaseId caseId, String agent, Instant reusedAt,
        boolean needsImprovement, @Nullable String improvementNote) {
}

package io.repdesk.knowledge;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/** One saved state of an article: its content, its state then, who saved it and why. */
public record ArticleVersion(ArticleId articleId, int version, ArticleState state, String title, String issue,
        String environment, String resolution, String cause, @Nullable String product, Audience audience,
        List<NeedId> needIds, Instant savedAt, String savedBy, @Nullable String note,
        List<OrganizationId> organizationIds) {
}

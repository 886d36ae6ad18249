package io.repdesk.knowledge;

import java.util.List;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;

/** Published after an article goes live (first publication or after being archived). */
public record ArticlePublished(ArticleId articleId, List<NeedId> needIds) {
}

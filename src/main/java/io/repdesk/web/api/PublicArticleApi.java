package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.KNOWLEDGE_READ;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.ArticleMarkdown;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;
import io.repdesk.web.api.ArticleApi.HitView;

/**
 * The public help centre for other sites and apps: search and read published public articles without signing
 * in, rate-limited per client ({@link PublicRateLimit}). Articles limited to organizations are never here.
 */
@RestController
@RequestMapping("/api/v1/public/articles")
@Permits(Permission.ANYONE)
class PublicArticleApi {

    private final KnowledgeSearch search;
    private final ArticleManagement articles;

    PublicArticleApi(KnowledgeSearch search, ArticleManagement articles) {
        this.search = search;
        this.articles = articles;
    }

    /** A published public article, its text as sanitized HTML beside the Markdown. */
    record PublicArticleView(String reference, String title, String issueHtml, String environmentHtml,
            String resolutionHtml, String causeHtml, @Nullable String product, List<String> needIds,
            java.time.Instant updatedAt) {
    }

    @GetMapping("/search")
    @RequiresScope(KNOWLEDGE_READ)
    List<HitView> search(@RequestParam String q, @RequestParam(required = false) @Nullable UUID needId,
            @RequestParam(required = false) @Nullable String product, @RequestParam(defaultValue = "10") int limit) {
        return search.forCustomers(q, needId == null ? null : new NeedId(needId), product, limit).stream()
                .map(HitView::of).toList();
    }

    @GetMapping("/{reference}")
    @RequiresScope(KNOWLEDGE_READ)
    PublicArticleView get(@PathVariable String reference) {
        Article a = articles.byReference(reference);
        if (!a.readableBy(null)) {
            throw new NotFound("article", "reference", reference);
        }
        return new PublicArticleView(a.reference(), a.title(), ArticleMarkdown.html(a.issue()),
                ArticleMarkdown.html(a.environment()), ArticleMarkdown.html(a.resolution()),
                ArticleMarkdown.html(a.cause()), a.product(), a.needIds().stream().map(NeedId::toString).toList(),
                a.updatedAt());
    }
}

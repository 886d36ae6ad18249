package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.KNOWLEDGE_READ;
import static io.repdesk.security.ApiScope.KNOWLEDGE_WRITE;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleFilter;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.ArticleState;
import io.repdesk.knowledge.ArticleVersion;
import io.repdesk.knowledge.Audience;
import io.repdesk.knowledge.KnowledgeMeasures;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.knowledge.ReuseManagement;
import io.repdesk.knowledge.Usage;
import io.repdesk.search.ArticleIndex.Fragment;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Ids;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.PageRequest;
import io.repdesk.web.api.ApiViews.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Knowledge articles: write, version, publish, archive, search, and record reuse — what the workspace does. */
@RestController
@RequestMapping("/api/v1/articles")
class ArticleApi {

    private final ArticleManagement articles;
    private final KnowledgeSearch search;
    private final KnowledgeMeasures measures;
    private final ReuseManagement reuses;

    ArticleApi(ArticleManagement articles, KnowledgeSearch search, KnowledgeMeasures measures,
            ReuseManagement reuses) {
        this.articles = articles;
        this.search = search;
        this.measures = measures;
        this.reuses = reuses;
    }

    /** An article's content as the API accepts it (Markdown in the text fields). */
    record ArticleBody(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 20_000) String issue,
            @Size(max = 20_000) @Nullable String environment, @NotBlank @Size(max = 20_000) String resolution,
            @Size(max = 20_000) @Nullable String cause, @Size(max = 200) @Nullable String product,
            @NotNull Audience audience, @Nullable List<String> needIds, @Size(max = 1_000) @Nullable String note,
            @Nullable Integer expectedVersion, @Nullable List<String> organizationIds) {

        ArticleDraft draft() {
            List<NeedId> ids = new ArrayList<>();
            List<String> given = needIds == null ? List.of() : needIds;
            for (int i = 0; i < given.size(); i++) {
                ids.add(new NeedId(Ids.parse(given.get(i), "needIds[" + i + "]")));
            }
            List<OrganizationId> organizations = new ArrayList<>();
            List<String> named = organizationIds == null ? List.of() : organizationIds;
            for (int i = 0; i < named.size(); i++) {
                organizations.add(new OrganizationId(Ids.parse(named.get(i), "organizationIds[" + i + "]")));
            }
            return new ArticleDraft(title, issue, environment, resolution, cause, product, audience, ids, note,
                    organizations);
        }
    }

    record ArticleView(String id, String reference, String title, String issue, String environment, String resolution,
            String cause, @Nullable String product, String audience, String state, int version, List<String> needIds,
            Instant createdAt, String createdBy, Instant updatedAt, String updatedBy, @Nullable Instant publishedAt,
            List<String> organizationIds) {

        static ArticleView of(Article a) {
            return new ArticleView(a.id().toString(), a.reference(), a.title(), a.issue(), a.environment(),
                    a.resolution(), a.cause(), a.product(), a.audience().name(), a.state().name(), a.version(),
                    a.needIds().stream().map(NeedId::toString).toList(), a.createdAt(), a.createdBy(), a.updatedAt(),
                    a.updatedBy(), a.publishedAt(), a.organizationIds().stream().map(OrganizationId::toString).toList());
        }
    }

    record VersionView(int version, String state, String title, String issue, String environment, String resolution,
            String cause, @Nullable String product, String audience, List<String> needIds, Instant savedAt,
            String savedBy, @Nullable String note, List<String> organizationIds) {

        static VersionView of(ArticleVersion v) {
            return new VersionView(v.version(), v.state().name(), v.title(), v.issue(), v.environment(),
                    v.resolution(), v.cause(), v.product(), v.audience().name(),
                    v.needIds().stream().map(NeedId::toString).toList(), v.savedAt(), v.savedBy(), v.note(),
                    v.organizationIds().stream().map(OrganizationId::toString).toList());
        }
    }

    /** A search hit; the snippet's text is plain, with the matched words listed as highlighted fragments. */
    record HitView(String id, String reference, String title, String audience, String state, float score,
            List<Fragment> snippet, List<String> organizationIds) {

        static HitView of(Hit h) {
            return new HitView(h.articleId().toString(), h.reference(), h.title(), h.audience(), h.state(), h.score(),
                    h.snippet(), h.organizationIds());
        }
    }

    record ReuseRequest(@NotBlank String caseId, @Size(max = 2_000) @Nullable String improvement) {
    }

    record ReuseView(String id, String articleId, String caseId, String agent, Instant reusedAt,
            boolean needsImprovement, @Nullable String improvementNote) {
    }

    @PostMapping
    @Permits(Permission.WRITE_KNOWLEDGE)
    @RequiresScope(KNOWLEDGE_WRITE)
    ResponseEntity<ArticleView> create(@Valid @RequestBody ArticleBody body) {
        Article created = articles.create(body.draft());
        return ResponseEntity.created(URI.create("/api/v1/articles/" + created.id())).body(ArticleView.of(created));
    }

    @GetMapping
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(KNOWLEDGE_READ)
    PageView<ArticleView> list(@RequestParam(required = false) @Nullable ArticleState state,
            @RequestParam(required = false) @Nullable Audience audience,
            @RequestParam(required = false) @Nullable UUID needId, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return PageView.of(articles.list(new ArticleFilter(state, audience, needId == null ? null : new NeedId(needId),
                q), new PageRequest(page, size)), ArticleView::of);
    }

    /** Search with typo tolerance and meaning; agents see drafts and internal articles too. */
    @GetMapping("/search")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(KNOWLEDGE_READ)
    List<HitView> search(@RequestParam String q, @RequestParam(required = false) @Nullable Audience audience,
            @RequestParam(required = false) @Nullable ArticleState state,
            @RequestParam(required = false) @Nullable UUID needId,
            @RequestParam(required = false) @Nullable String product, @RequestParam(defaultValue = "10") int limit) {
        return search.forAgents(q, audience, state == null ? Set.of() : Set.of(state),
                needId == null ? null : new NeedId(needId), product, limit).stream().map(HitView::of).toList();
    }

    @GetMapping("/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(KNOWLEDGE_READ)
    ArticleView get(@PathVariable UUID id) {
        return ArticleView.of(articles.get(new ArticleId(id)));
    }

    /** Saves the next version; {@code expectedVersion} guards against overwriting someone else's save (409). */
    @PutMapping("/{id}")
    @Permits(Permission.WRITE_KNOWLEDGE)
    @RequiresScope(KNOWLEDGE_WRITE)
    ArticleView revise(@PathVariable UUID id, @Valid @RequestBody ArticleBody body) {
        return ArticleView.of(articles.revise(new ArticleId(id), body.draft(), body.expectedVersion()));
    }

    @PostMapping("/{id}/publish")
    @Permits(Permission.WRITE_KNOWLEDGE)
    @RequiresScope(KNOWLEDGE_WRITE)
    ArticleView publish(@PathVariable UUID id) {
        return ArticleView.of(articles.publish(new ArticleId(id)));
    }

    @PostMapping("/{id}/archive")
    @Permits(Permission.WRITE_KNOWLEDGE)
    @RequiresScope(KNOWLEDGE_WRITE)
    ArticleView archive(@PathVariable UUID id) {
        return ArticleView.of(articles.archive(new ArticleId(id)));
    }

    @GetMapping("/{id}/versions")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(KNOWLEDGE_READ)
    List<VersionView> versions(@PathVariable UUID id) {
        return articles.versions(new ArticleId(id)).stream().map(VersionView::of).toList();
    }

    @GetMapping("/{id}/measures")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(KNOWLEDGE_READ)
    Usage measures(@PathVariable UUID id) {
        return measures.ofArticle(articles.get(new ArticleId(id)).id());
    }

    /** Records that the article went into a reply on the case, optionally flagging it as needing improvement. */
    @PostMapping("/{id}/reuses")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(KNOWLEDGE_WRITE)
    ResponseEntity<ReuseView> reuse(@PathVariable UUID id, @Valid @RequestBody ReuseRequest request) {
        var r = reuses.reused(new ArticleId(id), new CaseId(Ids.parse(request.caseId(), "caseId")),
                request.improvement());
        return ResponseEntity.status(201).body(new ReuseView(r.id().toString(), r.articleId().toString(),
                r.caseId().toString(), r.agent(), r.reusedAt(), r.needsImprovement(), r.improvementNote()));
    }
}

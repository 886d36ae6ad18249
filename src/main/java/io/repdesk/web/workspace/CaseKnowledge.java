package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.repdesk.casework.SupportCase;
import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.ArticleMarkdown;
import io.repdesk.knowledge.ArticleState;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.knowledge.Reuse;
import io.repdesk.knowledge.ReuseManagement;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.CaseId;

/** The case page's knowledge: articles suggested for the case, and their reuse in replies. */
@Component
class CaseKnowledge {

    static final int SUGGESTED = 5;

    private final ArticleManagement articles;
    private final KnowledgeSearch search;
    private final ReuseManagement reuses;

    CaseKnowledge(ArticleManagement articles, KnowledgeSearch search, ReuseManagement reuses) {
        this.articles = articles;
        this.search = search;
        this.reuses = reuses;
    }

    /**
     * An article suggested for a case.
     *
     * @param forNeed linked to the case's need (rather than found by the case's words)
     */
    record Suggested(Article article, boolean forNeed) {
    }

    /** A reuse with its article, for the list on the case. */
    record Used(Reuse reuse, @Nullable Article article) {
    }

    /** What happened when an article went into a reply. */
    record Inserted(String replyText, String notice) {
    }

    /** The published articles of the case's need, then the best published articles for its subject. */
    List<Suggested> forCase(SupportCase supportCase) {
        List<Suggested> suggested = new ArrayList<>();
        Set<ArticleId> shown = new HashSet<>();
        if (supportCase.needId() != null) {
            for (Article a : articles.ofNeed(supportCase.needId())) {
                if (a.isPublished() && suggested.size() < SUGGESTED && shown.add(a.id())) {
                    suggested.add(new Suggested(a, true));
                }
            }
        }
        List<Hit> hits = search.forAgents(supportCase.subject(), null, Set.of(ArticleState.PUBLISHED), null, null,
                SUGGESTED);
        Map<ArticleId, Article> found = articles.getAll(hits.stream().map(Hit::articleId).toList());
        for (Hit hit : hits) {
            Article a = found.get(hit.articleId());
            if (a != null && suggested.size() < SUGGESTED && shown.add(a.id())) {
                suggested.add(new Suggested(a, false));
            }
        }
        return suggested;
    }

    List<Used> reusesOf(CaseId caseId) {
        List<Reuse> all = reuses.ofCase(caseId);
        Map<ArticleId, Article> used = articles.getAll(all.stream().map(Reuse::articleId).toList());
        return all.stream().map(r -> new Used(r, used.get(r.articleId()))).toList();
    }

    Inserted reuse(SupportCase supportCase, String reference) {
        Article article = articles.byReference(reference);
        reuses.reused(article.id(), supportCase.id(), null);
        return new Inserted(ArticleMarkdown.replyText(article), article.reference()
                + " is in the reply and counted as a reuse; flag it below if it needs improvement.");
    }

    void flag(UUID reuseId, @Nullable String note) {
        reuses.flag(reuseId, note);
    }
}

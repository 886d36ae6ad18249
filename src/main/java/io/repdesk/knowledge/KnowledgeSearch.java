package io.repdesk.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.ServiceNeed;
import io.repdesk.search.ArticleIndex;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;

/**
 * Searches articles for customers (published, public) and for agents (any audience, chosen states), and
 * suggests articles for what a customer is typing: the articles of the need the text matches, then the best
 * search hits.
 */
@Service
public class KnowledgeSearch {

    /** How sure matching must be of a need before its articles are suggested for it. */
    static final float SUGGEST_NEED_CONFIDENCE = 0.35f;
    static final Set<String> CUSTOMER_AUDIENCE = Set.of(Audience.PUBLIC.name());
    static final Set<String> PUBLISHED = Set.of(ArticleState.PUBLISHED.name());

    private final ArticleIndex index;
    private final NeedMatcher matcher;
    private final NeedManagement needs;
    private final ArticleManagement articles;

    KnowledgeSearch(ArticleIndex index, NeedMatcher matcher, NeedManagement needs, ArticleManagement articles) {
        this.index = index;
        this.matcher = matcher;
        this.needs = needs;
        this.articles = articles;
    }

    /** What a customer may find: published public articles. */
    public List<Hit> forCustomers(String text, @Nullable NeedId need, @Nullable String product, int limit) {
        return index.search(new ArticleIndex.Query(text, CUSTOMER_AUDIENCE, PUBLISHED, need, product, limit));
    }

    /**
     * What an agent may find.
     *
     * @param audience one audience, or null for both
     * @param states the states to include; empty means drafts and published ones
     */
    public List<Hit> forAgents(String text, @Nullable Audience audience, Set<ArticleState> states,
            @Nullable NeedId need, @Nullable String product, int limit) {
        Set<String> audiences = audience == null ? Set.of(Audience.PUBLIC.name(), Audience.INTERNAL.name())
                : Set.of(audience.name());
        Set<String> stateNames = new HashSet<>();
        (states.isEmpty() ? Set.of(ArticleState.DRAFT, ArticleState.PUBLISHED) : states)
                .forEach(s -> stateNames.add(s.name()));
        return index.search(new ArticleIndex.Query(text, audiences, stateNames, need, product, limit));
    }

    /**
     * Suggestions while a customer describes a problem.
     *
     * @param need the need the text matches, when matching is sure enough
     * @param needArticles that need's published public articles
     * @param hits the best other articles for the text
     */
    public record Suggestions(@Nullable ServiceNeed need, List<Article> needArticles, List<Hit> hits) {

        public boolean isEmpty() {
            return needArticles.isEmpty() && hits.isEmpty();
        }
    }

    public Suggestions suggest(String text, int limit) {
        if (text.isBlank()) {
            return new Suggestions(null, List.of(), List.of());
        }
        ServiceNeed need = matchedNeed(text);
        List<Article> needArticles = need == null ? List.of() : articles.ofNeed(need.id()).stream()
                .filter(a -> a.isPublished() && a.audience() == Audience.PUBLIC).limit(limit).toList();
        Set<ArticleId> shown = new HashSet<>(needArticles.stream().map(Article::id).toList());
        List<Hit> hits = new ArrayList<>();
        for (Hit hit : forCustomers(text, null, null, limit + shown.size())) {
            if (!shown.contains(hit.articleId()) && hits.size() < limit) {
                hits.add(hit);
            }
        }
        return new Suggestions(need, needArticles, hits);
    }

    /** The need the text is about, when matching is confident enough; null otherwise. */
    public @Nullable ServiceNeed matchedNeed(String text) {
        MatchResult match = matcher.match(text);
        if (match.candidates().isEmpty() || match instanceof MatchResult.NewNeed) {
            return null;
        }
        MatchResult.Candidate best = match.candidates().getFirst();
        if (best.confidence() < SUGGEST_NEED_CONFIDENCE) {
            return null;
        }
        ServiceNeed need = needs.get(best.needId());
        return need.mergedInto() == null ? need : null;
    }
}

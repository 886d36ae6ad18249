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
import io.repdesk.shared.OrganizationId;

/**
 * Searches articles for customers (published, public, and for everyone or for the customer's organization) and
 * for agents (any audience, chosen states, every organization), and suggests articles for what a customer is
 * typing: the articles of the need the text matches, then the best search hits.
 */
@Service
public class KnowledgeSearch {

    static final Set<String> CUSTOMER_AUDIENCE = Set.of(Audience.PUBLIC.name());
    static final Set<String> PUBLISHED = Set.of(ArticleState.PUBLISHED.name());

    private final ArticleIndex index;
    private final NeedMatcher matcher;
    private final NeedManagement needs;
    private final ArticleManagement articles;
    private final KnowledgeSettings settings;

    KnowledgeSearch(ArticleIndex index, NeedMatcher matcher, NeedManagement needs, ArticleManagement articles,
            KnowledgeSettings settings) {
        this.index = index;
        this.settings = settings;
        this.matcher = matcher;
        this.needs = needs;
        this.articles = articles;
    }

    /** What anyone may find without signing in: published public articles not limited to organizations. */
    public List<Hit> forCustomers(String text, @Nullable NeedId need, @Nullable String product, int limit) {
        return forCustomers(text, need, product, null, limit);
    }

    /**
     * What a customer may find: published public articles for everyone, and those limited to the customer's
     * organization.
     *
     * @param organization the signed-in customer's organization; null for anyone else
     */
    public List<Hit> forCustomers(String text, @Nullable NeedId need, @Nullable String product,
            @Nullable OrganizationId organization, int limit) {
        return index.search(customerQuery(text, need, product, organization, settings.minSimilarity(), limit));
    }

    /** Published public articles for everyone, and those limited to the reader's organization when there is one. */
    private static ArticleIndex.Query customerQuery(String text, @Nullable NeedId need, @Nullable String product,
            @Nullable OrganizationId organization, float minSimilarity, int limit) {
        return new ArticleIndex.Query(text, CUSTOMER_AUDIENCE, PUBLISHED, need, product,
                organization == null ? Set.of() : Set.of(organization.toString()), minSimilarity, limit);
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
        return index.search(new ArticleIndex.Query(text, audiences, stateNames, need, product, null,
                settings.minSimilarity(), limit));
    }

    /**
     * Suggestions while a customer describes a problem.
     *
     * @param need the need the text matches, when matching is sure enough
     * @param needArticles that need's articles the customer may read
     * @param hits the best other articles for the text
     */
    public record Suggestions(@Nullable ServiceNeed need, List<Article> needArticles, List<Hit> hits) {

        public boolean isEmpty() {
            return needArticles.isEmpty() && hits.isEmpty();
        }
    }

    /**
     * Suggestions for a customer's text, with the configured cut-offs.
     *
     * @param organization the signed-in customer's organization, whose own articles may be suggested too
     */
    public Suggestions suggest(String text, @Nullable OrganizationId organization, int limit) {
        if (text.isBlank()) {
            return new Suggestions(null, List.of(), List.of());
        }
        return suggest(text, matcher.match(text), organization, limit, settings.suggestNeedConfidence(),
                settings.minSimilarity());
    }

    /**
     * Suggestions for a text already matched to needs, with the given cut-offs.
     *
     * @param needConfidence how sure the match must be before the need's articles come first
     * @param minSimilarity the cosine below which an article is not found by meaning alone
     */
    public Suggestions suggest(String text, MatchResult match, @Nullable OrganizationId organization, int limit,
            float needConfidence, float minSimilarity) {
        ServiceNeed need = confident(match, needConfidence);
        return combine(need, need == null ? List.of() : needArticles(need.id(), organization, limit),
                forCustomers(text, organization, minSimilarity, 2 * limit), limit);
    }

    /**
     * The suggestions from their parts: the matched need's articles first, then the search hits not among them,
     * at most {@code limit} of each. {@code repdesk eval suggestions} searches once per similarity cut-off and
     * combines the hits with each need cut-off's articles here.
     */
    public static Suggestions combine(@Nullable ServiceNeed need, List<Article> needArticles, List<Hit> found,
            int limit) {
        Set<ArticleId> shown = new HashSet<>(needArticles.stream().map(Article::id).toList());
        List<Hit> hits = new ArrayList<>();
        for (Hit hit : found) {
            if (!shown.contains(hit.articleId()) && hits.size() < limit) {
                hits.add(hit);
            }
        }
        return new Suggestions(need, needArticles, hits);
    }

    /** The need's published articles the customer may read, at most {@code limit}. */
    public List<Article> needArticles(NeedId need, @Nullable OrganizationId organization, int limit) {
        return articles.ofNeed(need).stream().filter(a -> a.readableBy(organization)).limit(limit).toList();
    }

    /** What a customer may find, with a given similarity cut-off. */
    public List<Hit> forCustomers(String text, @Nullable OrganizationId organization, float minSimilarity,
            int limit) {
        return index.search(customerQuery(text, null, null, organization, minSimilarity, limit));
    }

    /** The need the text is about, when matching is confident enough; null otherwise. */
    public @Nullable ServiceNeed matchedNeed(String text) {
        return confident(matcher.match(text), settings.suggestNeedConfidence());
    }

    /** The best candidate need of a match, when it is at least {@code needConfidence} sure; null otherwise. */
    public @Nullable ServiceNeed confident(MatchResult match, float needConfidence) {
        if (match.candidates().isEmpty() || match instanceof MatchResult.NewNeed) {
            return null;
        }
        MatchResult.Candidate best = match.candidates().getFirst();
        if (best.confidence() < needConfidence) {
            return null;
        }
        ServiceNeed need = needs.get(best.needId());
        return need.mergedInto() == null ? need : null;
    }
}

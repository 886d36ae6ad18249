package io.repdesk.search;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ArticleId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;

/**
 * This node's index of knowledge articles, built from the journal like the contact index: BM25 over title and
 * text with typo tolerance, fused with nearest neighbours by meaning, filtered by audience, state, need and
 * product, each hit with a highlighted snippet.
 */
public interface ArticleIndex {

    /** Longest query text accepted; longer text is cut here rather than refused (customers paste whole mails). */
    int MAX_QUERY = 1_000;

    /** The best articles for the query, best first. */
    List<Hit> search(Query query);

    /** Waits until the index has applied the journal up to {@code sequence}; false on timeout. */
    boolean awaitSequence(long sequence, Duration timeout);

    /** Number of articles in the index, any state. */
    int size();

    /**
     * What to look for and where.
     *
     * @param audiences the audiences the reader may see ({@code PUBLIC}, {@code INTERNAL}); never empty
     * @param states the article states to include ({@code PUBLISHED} for customers)
     * @param need only articles linked to this need, when given
     * @param product only articles for this product (or for any product), when given
     * @param organizations the organizations the reader belongs to, as ids: articles limited to other
     *     organizations are left out, and an empty set leaves out every article limited to organizations;
     *     null (agents) keeps them all
     * @param minSimilarity the cosine below which a neighbour by meaning alone is not a hit (-1 keeps them all)
     */
    record Query(String text, Set<String> audiences, Set<String> states, @Nullable NeedId need,
            @Nullable String product, @Nullable Set<String> organizations, float minSimilarity, int limit) {

        public Query {
            text = text.length() > MAX_QUERY ? text.substring(0, MAX_QUERY) : text;
            if (audiences.isEmpty() || states.isEmpty()) {
                throw new IllegalArgumentException("a query names the audiences and states it may see");
            }
            if (limit < 1 || limit > 100) {
                throw new InvalidInput("limit", "must be between 1 and 100");
            }
            product = product == null || product.isBlank() ? null : product.strip();
        }
    }

    /**
     * An article found.
     *
     * @param score the fused rank score: higher is better, comparable only within one result list
     * @param snippet a short passage of the article's text with the matched words marked
     * @param organizationIds the organizations it is limited to, as ids; empty for every customer
     * @param similarity the cosine between query and article when it was found by meaning, else NaN
     */
    record Hit(ArticleId articleId, String reference, String title, String audience, String state,
            List<NeedId> needIds, @Nullable String product, float score, List<Fragment> snippet,
            List<String> organizationIds, float similarity) {
    }

    /** A piece of a snippet: plain text, or a word that matched the query. Never markup. */
    record Fragment(String text, boolean highlighted) {
    }
}

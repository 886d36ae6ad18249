package io.repdesk.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.repdesk.journal.Journal;
import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.Audience;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.knowledge.KnowledgeSearch.Suggestions;
import io.repdesk.knowledge.KnowledgeSettings;
import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.ServiceNeed;
import io.repdesk.search.ArticleIndex;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk eval suggestions --train TRAIN.csv --test TEST.csv}: chooses the two cut-offs of the
 * suggestions a customer sees while typing (how sure need matching must be before the need's articles come first,
 * and the cosine below which an article is not found by meaning alone).
 *
 * <p>TRAIN is split per category: most rows become confirmed history (one need per category), and one article
 * per category is written from that history (title from the category, issue in its customers' words), except for
 * every seventh category, which gets no article: for its texts the right answer is to show nothing. A few rows
 * per category are kept back as the tuning split. Every pair of cut-offs on a grid (the configured values
 * added) is tried on the tuning split; the pair with the best F1 is chosen, ties broken by the share of right
 * first suggestions, then by the need-first F1, then by nearness to the configured pair. That pair and the
 * configured one are then measured on TEST, which played no part in the choice.
 *
 * <p>A text's suggestions are what the portal shows: the matched need's articles (when matching is sure
 * enough), then up to three search hits. <em>Precision</em>: of the texts
 * shown any article, the share shown the right one. <em>Recall</em>: of the texts that have a right article, the
 * share shown it. <em>Top-1</em>: the share of those whose first suggestion is the right one. <em>Need
 * first</em>: the texts whose matched need's article came first, and of those the share where it was right.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "eval-suggestions")
class SuggestionEvaluation implements ApplicationRunner {

    /** Suggestions of each kind shown on the portal's request form. */
    static final int SHOWN = 3;
    /** Every n-th category has no article. */
    static final int WITHOUT_ARTICLE_EVERY = 7;
    /** Every n-th row of a category goes to the tuning split, up to {@link #TUNING_PER_CATEGORY}. */
    static final int TUNING_EVERY = 8;
    static final int TUNING_PER_CATEGORY = 10;
    /** Customer texts quoted in a generated article's issue. */
    static final int QUOTED = 4;
    static final float[] NEED_CONFIDENCE = grid(0.20f, 0.60f);
    static final float[] MIN_SIMILARITY = grid(0.45f, 0.80f);

    private final EvaluationHistory history;
    private final ArticleManagement articles;
    private final KnowledgeSearch search;
    private final ArticleIndex index;
    private final NeedMatcher matcher;
    private final Journal journal;
    private final KnowledgeSettings settings;
    private final Path train;
    private final Path test;
    private final PrintStream out = System.out;

    SuggestionEvaluation(EvaluationHistory history, ArticleManagement articles, KnowledgeSearch search,
            ArticleIndex index, NeedMatcher matcher, Journal journal, KnowledgeSettings settings,
            @Value("${repdesk.eval.train}") Path train, @Value("${repdesk.eval.test}") Path test) {
        this.history = history;
        this.articles = articles;
        this.search = search;
        this.index = index;
        this.matcher = matcher;
        this.journal = journal;
        this.settings = settings;
        this.train = train;
        this.test = test;
    }

    /** A pair of cut-offs. */
    record CutOffs(float needConfidence, float minSimilarity) {

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "need_confidence=%.2f min_similarity=%.2f", needConfidence,
                    minSimilarity);
        }
    }

    /**
     * How a set of texts fared with one pair of cut-offs.
     *
     * @param needFirst texts for which matching was sure enough to put a need's article first
     * @param needFirstRight those whose need's article was the right one
     */
    record Figures(int texts, int answerable, int shown, int right, int top, int needFirst, int needFirstRight) {

        double precision() {
            return shown == 0 ? Double.NaN : (double) right / shown;
        }

        double recall() {
            return answerable == 0 ? Double.NaN : (double) right / answerable;
        }

        double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 2 * p * r / (p + r);
        }

        double top1() {
            return answerable == 0 ? Double.NaN : (double) top / answerable;
        }

        /** Of the texts given a need's article first, the share for which it was the right one. */
        double needFirstPrecision() {
            return needFirst == 0 ? Double.NaN : (double) needFirstRight / needFirst;
        }

        /** Of the texts with a right article, the share given it first because their need was matched. */
        double needFirstRecall() {
            return answerable == 0 ? Double.NaN : (double) needFirstRight / answerable;
        }

        double needFirstF1() {
            double p = needFirstPrecision();
            double r = needFirstRecall();
            return p + r == 0 || Double.isNaN(p) || Double.isNaN(r) ? 0 : 2 * p * r / (p + r);
        }

        String line(String split, CutOffs cutOffs) {
            return String.format(Locale.ROOT,
                    "eval suggestions split=%s %s texts=%d answerable=%d shown=%d precision=%s recall=%s f1=%s top1=%s"
                            + " need_first=%d need_first_precision=%s need_first_recall=%s",
                    split, cutOffs, texts, answerable, shown, Metrics.format(precision()), Metrics.format(recall()),
                    Metrics.format(f1()), Metrics.format(top1()), needFirst, Metrics.format(needFirstPrecision()),
                    Metrics.format(needFirstRecall()));
        }
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("evaluation", null, List.of()));
        List<LabelledText> rows = LabelledText.read(train);
        List<LabelledText> tuning = new ArrayList<>();
        List<LabelledText> known = new ArrayList<>();
        split(rows, known, tuning);
        List<LabelledText> heldOut = LabelledText.read(test);
        out.printf("History %d texts, tuning %d, held out %d%n", known.size(), tuning.size(), heldOut.size());

        Map<String, NeedId> needIds = history.load(known, out);
        Map<String, ArticleId> answers = write(known, needIds);
        out.printf("Articles for %d of %d categories%n", answers.size(), needIds.size());

        CutOffs configured = new CutOffs(settings.suggestNeedConfidence(), settings.minSimilarity());
        Map<CutOffs, Figures> tried = sweep(tuning, answers, configured);
        // Best F1, then best first suggestion, then best need-first F1; among pairs still equal, the one nearest
        // the configured pair, so that a cut-off the data cannot tell apart is left where it was.
        CutOffs chosen = tried.entrySet().stream()
                .max(Comparator.<Map.Entry<CutOffs, Figures>>comparingDouble(e -> round(e.getValue().f1()))
                        .thenComparingDouble(e -> round(e.getValue().top1()))
                        .thenComparingDouble(e -> round(e.getValue().needFirstF1()))
                        .thenComparingDouble(e -> -distance(e.getKey(), configured)))
                .orElseThrow().getKey();
        out.println("Best five on the tuning split:");
        tried.entrySet().stream().sorted(Comparator.<Map.Entry<CutOffs, Figures>>comparingDouble(
                e -> e.getValue().f1()).reversed()).limit(5)
                .forEach(e -> out.println("  " + e.getValue().line("tuning", e.getKey())));
        out.println(tried.get(configured).line("tuning", configured) + " (configured)");
        out.println(tried.get(chosen).line("tuning", chosen) + " (chosen)");
        Map<CutOffs, Figures> held = measure(heldOut, answers, List.of(configured, chosen), "Held out");
        out.println(held.get(configured).line("held-out", configured) + " (configured)");
        out.println(held.get(chosen).line("held-out", chosen) + " (chosen)");
    }

    /** Puts every {@link #TUNING_EVERY}-th row of a category into tuning (at most a few per category). */
    static void split(List<LabelledText> rows, List<LabelledText> history, List<LabelledText> tuning) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Integer> kept = new HashMap<>();
        for (LabelledText row : rows) {
            int n = seen.merge(row.category(), 1, Integer::sum);
            if (n % TUNING_EVERY == 0 && kept.getOrDefault(row.category(), 0) < TUNING_PER_CATEGORY) {
                kept.merge(row.category(), 1, Integer::sum);
                tuning.add(row);
            } else {
                history.add(row);
            }
        }
    }

    /** One published article per category (but every seventh), written from the category's history texts. */
    private Map<String, ArticleId> write(List<LabelledText> known, Map<String, NeedId> needIds) {
        Map<String, List<String>> texts = known.stream().collect(Collectors.groupingBy(LabelledText::category,
                LinkedHashMap::new, Collectors.mapping(LabelledText::text, Collectors.toList())));
        List<String> categories = List.copyOf(new TreeSet<>(needIds.keySet()));
        Map<String, ArticleId> answers = new HashMap<>();
        ProgressBar bar = new ProgressBar(out, "Writing articles", categories.size());
        for (int i = 0; i < categories.size(); i++) {
            String category = categories.get(i);
            if (i % WITHOUT_ARTICLE_EVERY != WITHOUT_ARTICLE_EVERY - 1) {
                String title = EvaluationHistory.title(category);
                String issue = texts.get(category).stream().limit(QUOTED).map(t -> "- " + t)
                        .collect(Collectors.joining("\n"));
                Article article = articles.create(new ArticleDraft(title, issue, "", "How we help with "
                        + title.toLowerCase(Locale.ROOT) + ".", "", null, Audience.PUBLIC,
                        List.of(needIds.get(category)), null));
                answers.put(category, articles.publish(article.id()).id());
            }
            bar.update(i + 1);
        }
        bar.done();
        if (!index.awaitSequence(journal.head(), Duration.ofMinutes(5))) {
            throw new IllegalStateException("the article index did not catch up within five minutes");
        }
        return answers;
    }

    /** Every pair on the grid, the configured values added to each axis. */
    private Map<CutOffs, Figures> sweep(List<LabelledText> rows, Map<String, ArticleId> answers, CutOffs configured) {
        List<CutOffs> grid = new ArrayList<>();
        for (float confidence : axis(NEED_CONFIDENCE, configured.needConfidence())) {
            for (float similarity : axis(MIN_SIMILARITY, configured.minSimilarity())) {
                grid.add(new CutOffs(confidence, similarity));
            }
        }
        return measure(rows, answers, grid, "Trying " + grid.size() + " pairs of cut-offs");
    }

    static List<Float> axis(float[] grid, float configured) {
        TreeSet<Float> values = new TreeSet<>();
        for (float value : grid) {
            values.add(value);
        }
        values.add(configured);
        return List.copyOf(values);
    }

    private static double distance(CutOffs a, CutOffs b) {
        return Math.abs(a.needConfidence() - b.needConfidence()) + Math.abs(a.minSimilarity() - b.minSimilarity());
    }

    /** Figures equal to four places count as equal: the choice does not rest on a single text's noise. */
    private static double round(double value) {
        return Double.isNaN(value) ? -1 : Math.round(value * 10_000) / 10_000.0;
    }

    /**
     * Each text is matched once and searched once per similarity cut-off; its suggestions for each pair of
     * cut-offs are then combined as the portal combines them.
     */
    private Map<CutOffs, Figures> measure(List<LabelledText> rows, Map<String, ArticleId> answers,
            List<CutOffs> pairs, String label) {
        Map<CutOffs, int[]> counts = new LinkedHashMap<>();
        pairs.forEach(p -> counts.put(p, new int[6]));
        Map<NeedId, List<Article>> needArticles = new HashMap<>();
        ProgressBar bar = new ProgressBar(out, label, rows.size());
        int done = 0;
        for (LabelledText row : rows) {
            MatchResult match = matcher.match(row.text());
            Map<Float, List<Hit>> found = new HashMap<>();
            @Nullable ArticleId right = answers.get(row.category());
            for (CutOffs pair : pairs) {
                List<Hit> hits = found.computeIfAbsent(pair.minSimilarity(),
                        similarity -> search.forCustomers(row.text(), null, similarity, 2 * SHOWN));
                ServiceNeed need = search.confident(match, pair.needConfidence());
                Suggestions suggestions = KnowledgeSearch.combine(need, need == null ? List.of()
                        : needArticles.computeIfAbsent(need.id(), id -> search.needArticles(id, null, SHOWN)), hits,
                        SHOWN);
                List<ArticleId> shown = new ArrayList<>();
                suggestions.needArticles().forEach(a -> shown.add(a.id()));
                suggestions.hits().forEach(h -> shown.add(h.articleId()));
                int[] c = counts.get(pair);
                c[0] += right != null ? 1 : 0;
                c[1] += shown.isEmpty() ? 0 : 1;
                c[2] += right != null && shown.contains(right) ? 1 : 0;
                c[3] += right != null && !shown.isEmpty() && shown.getFirst().equals(right) ? 1 : 0;
                c[4] += suggestions.needArticles().isEmpty() ? 0 : 1;
                c[5] += right != null && !suggestions.needArticles().isEmpty()
                        && suggestions.needArticles().getFirst().id().equals(right) ? 1 : 0;
            }
            bar.update(++done);
        }
        bar.done();
        Map<CutOffs, Figures> figures = new LinkedHashMap<>();
        counts.forEach((pair, c) -> figures.put(pair, new Figures(rows.size(), c[0], c[1], c[2], c[3], c[4], c[5])));
        return figures;
    }

    private static float[] grid(float from, float to) {
        int steps = Math.round((to - from) / 0.05f);
        float[] values = new float[steps + 1];
        for (int i = 0; i <= steps; i++) {
            values[i] = Math.round((from + i * 0.05f) * 100) / 100f;
        }
        return values;
    }
}

package io.repdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;

import io.repdesk.search.ArticleIndex;
import io.repdesk.search.Embedder;
import io.repdesk.search.Highlighter;
import io.repdesk.shared.ArticleId;
import io.repdesk.shared.NeedId;

/**
 * Articles in this node's Lucene index, beside the contacts: their own fields (all named {@code article_…}) and
 * their own vector field, so contact searches never see them and both advance with one journal sequence.
 * Keyword hits (BM25 over title and text, each word also matched with its typos) and vector hits above a
 * similarity floor are fused by reciprocal rank.
 */
final class LuceneArticleIndex implements ArticleIndex {

    static final String KIND = "kind";
    static final String ARTICLE = "article";
    static final String ID = "article_id";
    static final String REFERENCE = "article_ref";
    static final String TITLE = "article_title";
    static final String TITLE_SORT = "article_title_sort";
    static final String TEXT = "article_text";
    static final String SNIPPET = "article_snippet";
    static final String AUDIENCE = "article_audience";
    static final String STATE = "article_state";
    static final String NEED = "article_need";
    static final String PRODUCT = "article_product";
    static final String ORGANIZATION = "article_organization";
    static final String VECTOR = "article_vector";

    /** Stands for "every customer" in the organization field of an article not limited to organizations. */
    static final String ANY_ORGANIZATION = "*";
    /** Stands for "any product" in the product field, so a product filter keeps articles for every product. */
    static final String ANY_PRODUCT = "*";
    /** Rank constant of reciprocal rank fusion (the usual 60). */
    static final int RRF_K = 60;
    static final int CANDIDATES = 50;

    private final LuceneContactIndex index;
    private final Embedder embedder;
    private final Highlighter highlighter;
    private final Analyzer analyzer = new EnglishAnalyzer();

    LuceneArticleIndex(LuceneContactIndex index, Embedder embedder, Highlighter highlighter) {
        this.index = index;
        this.embedder = embedder;
        this.highlighter = highlighter;
    }

    /** An article as the journal describes it. */
    record Entry(ArticleId id, String reference, String title, String issue, String environment, String resolution,
            String cause, @Nullable String product, String audience, String state, List<NeedId> needIds,
            List<String> organizationIds) {

        /** What the vector is made of: the question and the start of its answer. */
        String meaning() {
            String answer = LuceneHighlighter.Plain.of(resolution);
            return title + ". " + LuceneHighlighter.Plain.of(issue) + ". "
                    + (answer.length() > 400 ? answer.substring(0, 400) : answer);
        }
    }

    /** Adds or replaces an article's document. */
    void put(Entry e, float @Nullable [] vector) throws IOException {
        Document doc = new Document();
        doc.add(new StringField(KIND, ARTICLE, Field.Store.NO));
        doc.add(new StringField(ID, e.id().toString(), Field.Store.YES));
        doc.add(new StoredField(REFERENCE, e.reference()));
        doc.add(new TextField(TITLE, e.title(), Field.Store.YES));
        doc.add(new SortedDocValuesField(TITLE_SORT, new BytesRef(e.title().toLowerCase(Locale.ROOT))));
        doc.add(new TextField(TEXT, String.join("\n", e.issue(), e.environment(), e.resolution(), e.cause()),
                Field.Store.NO));
        doc.add(new StoredField(SNIPPET, String.join("\n\n", e.issue(), e.resolution(), e.cause())));
        doc.add(new StringField(AUDIENCE, e.audience(), Field.Store.YES));
        doc.add(new StringField(STATE, e.state(), Field.Store.YES));
        doc.add(new StringField(PRODUCT, e.product() == null ? ANY_PRODUCT : normal(e.product()), Field.Store.NO));
        if (e.product() != null) {
            doc.add(new StoredField("article_product_name", e.product()));
        }
        for (NeedId need : e.needIds()) {
            doc.add(new StringField(NEED, need.toString(), Field.Store.YES));
        }
        for (String organization : e.organizationIds().isEmpty() ? List.of(ANY_ORGANIZATION) : e.organizationIds()) {
            doc.add(new StringField(ORGANIZATION, organization, Field.Store.YES));
        }
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        index.writer().updateDocument(new Term(ID, e.id().toString()), doc);
    }

    @Override
    public List<Hit> search(ArticleIndex.Query query) {
        org.apache.lucene.search.Query filter = filter(query);
        List<String> terms = QueryTerms.of(analyzer, TEXT, query.text());
        IndexSearcher searcher = index.acquire();
        try {
            if (terms.isEmpty() && query.text().isBlank()) {
                return hits(searcher, query, searcher.search(filter, query.limit(),
                        new Sort(new SortField(TITLE_SORT, SortField.Type.STRING))).scoreDocs, Map.of(), Map.of());
            }
            Map<Integer, Float> fused = new HashMap<>();
            Map<Integer, Float> similarity = new HashMap<>();
            if (!terms.isEmpty()) {
                fuse(fused, searcher.search(keyword(terms, filter), CANDIDATES).scoreDocs);
            }
            if (embedder.available() && !query.text().isBlank()) {
                float[] vector = embedder.embed(query.text());
                ScoreDoc[] near = searcher.search(new KnnFloatVectorQuery(VECTOR, vector, CANDIDATES, filter),
                        CANDIDATES).scoreDocs;
                // DOT_PRODUCT scores are (1 + cosine) / 2 for unit vectors.
                ScoreDoc[] similar = java.util.Arrays.stream(near)
                        .filter(sd -> 2 * sd.score - 1 >= query.minSimilarity()).toArray(ScoreDoc[]::new);
                for (ScoreDoc sd : similar) {
                    similarity.put(sd.doc, 2 * sd.score - 1);
                }
                fuse(fused, similar);
            }
            ScoreDoc[] best = fused.entrySet().stream()
                    .sorted(Map.Entry.<Integer, Float>comparingByValue(Comparator.reverseOrder())
                            .thenComparing(Map.Entry.comparingByKey()))
                    .limit(query.limit()).map(e -> new ScoreDoc(e.getKey(), e.getValue())).toArray(ScoreDoc[]::new);
            return hits(searcher, query, best, fused, similarity);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    /** Each word matches exactly (title counts triple) or with its typos (worth less), in title or text. */
    private static org.apache.lucene.search.Query keyword(List<String> terms, org.apache.lucene.search.Query filter) {
        BooleanQuery.Builder words = new BooleanQuery.Builder();
        for (String term : terms) {
            BooleanQuery.Builder word = new BooleanQuery.Builder();
            word.add(new BoostQuery(new TermQuery(new Term(TITLE, term)), 3f), Occur.SHOULD);
            word.add(new TermQuery(new Term(TEXT, term)), Occur.SHOULD);
            int edits = QueryTerms.edits(term);
            if (edits > 0) {
                word.add(new BoostQuery(new FuzzyQuery(new Term(TITLE, term), edits, 1, 20, true), 1f), Occur.SHOULD);
                word.add(new BoostQuery(new FuzzyQuery(new Term(TEXT, term), edits, 1, 20, true), 0.3f), Occur.SHOULD);
            }
            words.add(word.build(), Occur.SHOULD);
        }
        return new BooleanQuery.Builder().add(words.build(), Occur.MUST).add(filter, Occur.FILTER).build();
    }

    private static org.apache.lucene.search.Query filter(ArticleIndex.Query query) {
        BooleanQuery.Builder filter = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(KIND, ARTICLE)), Occur.FILTER)
                .add(anyOf(AUDIENCE, query.audiences()), Occur.FILTER)
                .add(anyOf(STATE, query.states()), Occur.FILTER);
        if (query.need() != null) {
            filter.add(new TermQuery(new Term(NEED, query.need().toString())), Occur.FILTER);
        }
        if (query.product() != null) {
            filter.add(anyOf(PRODUCT, Set.of(normal(query.product()), ANY_PRODUCT)), Occur.FILTER);
        }
        if (query.organizations() != null) {
            Set<String> readable = new java.util.HashSet<>(query.organizations());
            readable.add(ANY_ORGANIZATION);
            filter.add(anyOf(ORGANIZATION, readable), Occur.FILTER);
        }
        return filter.build();
    }

    private static org.apache.lucene.search.Query anyOf(String field, Set<String> values) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        values.forEach(v -> any.add(new TermQuery(new Term(field, v)), Occur.SHOULD));
        return values.isEmpty() ? new MatchAllDocsQuery() : any.build();
    }

    private static void fuse(Map<Integer, Float> fused, ScoreDoc[] ranked) {
        for (int rank = 0; rank < ranked.length; rank++) {
            fused.merge(ranked[rank].doc, 1f / (RRF_K + rank + 1), Float::sum);
        }
    }

    private List<Hit> hits(IndexSearcher searcher, ArticleIndex.Query query, ScoreDoc[] docs,
            Map<Integer, Float> scores, Map<Integer, Float> similarity) throws IOException {
        List<Hit> hits = new ArrayList<>(docs.length);
        for (ScoreDoc sd : docs) {
            Document stored = searcher.storedFields().document(sd.doc);
            List<NeedId> needs = java.util.Arrays.stream(stored.getValues(NEED)).map(NeedId::of).toList();
            hits.add(new Hit(ArticleId.of(stored.get(ID)), stored.get(REFERENCE), stored.get(TITLE),
                    stored.get(AUDIENCE), stored.get(STATE), needs, stored.get("article_product_name"),
                    scores.getOrDefault(sd.doc, 0f), highlighter.snippet(stored.get(SNIPPET), query.text(), 220),
                    java.util.Arrays.stream(stored.getValues(ORGANIZATION)).filter(o -> !ANY_ORGANIZATION.equals(o))
                            .toList(),
                    similarity.getOrDefault(sd.doc, Float.NaN)));
        }
        return hits;
    }

    @Override
    public boolean awaitSequence(long sequence, Duration timeout) {
        return index.awaitSequence(sequence, timeout);
    }

    @Override
    public int size() {
        IndexSearcher searcher = index.acquire();
        try {
            return searcher.count(new TermQuery(new Term(KIND, ARTICLE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            index.release(searcher);
        }
    }

    private static String normal(String product) {
        return product.strip().toLowerCase(Locale.ROOT);
    }

    /** The article a journal entry of the {@code article} stream describes, as its payload has it. */
    static Entry entry(ArticleId id, tools.jackson.databind.JsonNode p) {
        List<NeedId> needs = new ArrayList<>();
        p.path("needIds").forEach(n -> needs.add(NeedId.of(n.asString())));
        List<String> organizations = new ArrayList<>();
        p.path("organizationIds").forEach(o -> organizations.add(o.asString()));
        String product = p.path("product").asString("");
        return new Entry(id, p.path("reference").asString(""), p.path("title").asString(""),
                p.path("issue").asString(""), p.path("environment").asString(""), p.path("resolution").asString(""),
                p.path("cause").asString(""), product.isBlank() ? null : product, p.path("audience").asString(""),
                p.path("state").asString(""), needs, organizations);
    }
}

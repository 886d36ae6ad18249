package io.repdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiConsumer;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.FilterCodec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.codecs.perfield.PerFieldKnnVectorsFormat;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.KnnVectorValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.RescoreTopNQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.IOUtils;
import org.jspecify.annotations.Nullable;

import io.repdesk.search.ContactIndex;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * The Lucene side of the contact index: one document per contact, with the need of its case held in
 * updatable doc values so that linking a case touches no text or vector. The journal sequence and
 * origin it reflects are stored in each commit, so a restart resumes where the last commit ended.
 */
final class LuceneContactIndex implements ContactIndex, AutoCloseable {

    static final String ID = "id";
    static final String CASE = "case";
    static final String TEXT = "text";
    static final String VECTOR = "vector";
    static final String NEED = "need";
    static final String CONFIRMED = "confirmed";
    static final String SEQUENCE = "sequence";
    static final String ORIGIN = "origin";
    static final String CUSTOMER = "customer";
    static final String AT = "at";
    /** Bits per quantized vector component: 7 keeps dot products exact in signed bytes. */
    static final int QUANTIZED_BITS = 7;

    private final Analyzer analyzer = new EnglishAnalyzer();
    private final ExecutorService merging = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("index-merge-", 0).daemon().factory());
    private final FSDirectory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Object progress = new Object();
    private volatile long applied;
    private volatile @Nullable String origin;

    LuceneContactIndex(Path path) {
        try {
            Files.createDirectories(path);
            directory = FSDirectory.open(path);
            writer = new IndexWriter(directory, new IndexWriterConfig(analyzer).setCodec(codec(merging))
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64)
                    // Only explicit commits, each with the journal sequence it reflects, make it to disk.
                    .setCommitOnClose(false));
            searchers = new SearcherManager(writer, null);
            Map<String, String> committed = new HashMap<>();
            var live = writer.getLiveCommitData();
            if (live != null) {
                live.forEach(e -> committed.put(e.getKey(), e.getValue()));
            }
            applied = Long.parseLong(committed.getOrDefault(SEQUENCE, "0"));
            origin = committed.get(ORIGIN);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the search index in " + path, e);
        }
    }

    /**
     * The default codec with vectors quantized to 7-bit integers for the graph (a quarter of the memory
     * a search walks, and cheaper comparisons; the full-precision vectors stay beside them for exact
     * scores), and vector graphs merged by every core rather than one. Segments written before keep
     * their own format and are rewritten by the next merge.
     */
    private static Codec codec(ExecutorService merging) {
        int cores = Runtime.getRuntime().availableProcessors();
        KnnVectorsFormat vectors = new Lucene99HnswScalarQuantizedVectorsFormat(
                Lucene99HnswVectorsFormat.DEFAULT_MAX_CONN, Lucene99HnswVectorsFormat.DEFAULT_BEAM_WIDTH,
                cores > 1 ? cores : 1, QUANTIZED_BITS, false, null, cores > 1 ? merging : null);
        return new FilterCodec(Codec.getDefault().getName(), Codec.getDefault()) {
            @Override
            public KnnVectorsFormat knnVectorsFormat() {
                return new PerFieldKnnVectorsFormat() {
                    @Override
                    public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                        return vectors;
                    }
                };
            }
        };
    }

    @Nullable
    String origin() {
        return origin;
    }

    /** Empties the index and forgets what it applied: the next feed replays the journal from the start. */
    void clear(String newOrigin) {
        try {
            writer.deleteAll();
            origin = newOrigin;
            commit(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces a contact's document (replaying a journal entry twice changes nothing). */
    void put(ContactId contact, CaseId caseId, @Nullable CustomerId customer, Instant at, String text,
            float @Nullable [] vector, @Nullable NeedId need, boolean confirmed) throws IOException {
        writer.updateDocument(new Term(ID, contact.toString()),
                document(contact, caseId, customer, at, text, vector, need, confirmed));
    }

    /** Adds a contact known to be new to the index (bulk loading): no lookup of an older copy. */
    void add(ContactId contact, CaseId caseId, @Nullable CustomerId customer, Instant at, String text,
            float @Nullable [] vector, @Nullable NeedId need, boolean confirmed) throws IOException {
        writer.addDocument(document(contact, caseId, customer, at, text, vector, need, confirmed));
    }

    private static Document document(ContactId contact, CaseId caseId, @Nullable CustomerId customer, Instant at,
            String text, float @Nullable [] vector, @Nullable NeedId need, boolean confirmed) {
        Document doc = new Document();
        doc.add(new StringField(ID, contact.toString(), Field.Store.YES));
        doc.add(new StringField(CASE, caseId.toString(), Field.Store.YES));
        if (customer != null) {
            doc.add(new StoredField(CUSTOMER, customer.toString()));
        }
        doc.add(new NumericDocValuesField(AT, at.toEpochMilli()));
        doc.add(new StoredField(AT, at.toEpochMilli()));
        doc.add(new TextField(TEXT, text, Field.Store.YES));
        if (vector != null) {
            doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        doc.add(new BinaryDocValuesField(NEED, needBytes(need)));
        doc.add(new NumericDocValuesField(CONFIRMED, confirmed ? 1 : 0));
        return doc;
    }

    /** Sets the need of every contact of a case. */
    void label(CaseId caseId, @Nullable NeedId need, boolean confirmed) throws IOException {
        writer.updateDocValues(new Term(CASE, caseId.toString()), new BinaryDocValuesField(NEED, needBytes(need)),
                new NumericDocValuesField(CONFIRMED, confirmed ? 1 : 0));
    }

    /** Makes everything written so far visible to searches, and records how far the journal was applied. */
    void publish(long sequence) throws IOException {
        searchers.maybeRefreshBlocking();
        synchronized (progress) {
            applied = sequence;
            progress.notifyAll();
        }
    }

    /** Makes the index durable up to the sequence; after a crash, feeding resumes from here. */
    void commit(long sequence) throws IOException {
        Map<String, String> data = new HashMap<>();
        data.put(SEQUENCE, Long.toString(sequence));
        if (origin != null) {
            data.put(ORIGIN, origin);
        }
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
        publish(sequence);
    }

    /** Merges every segment into one: searches then walk one vector graph instead of many. */
    void mergeToOneSegment() throws IOException {
        writer.forceMerge(1);
    }

    /** Bytes of every file in the index directory. */
    long bytesOnDisk() throws IOException {
        long bytes = 0;
        for (String file : directory.listAll()) {
            try {
                bytes += directory.fileLength(file);
            } catch (java.nio.file.NoSuchFileException gone) {
                // deleted by a merge since the listing
            }
        }
        return bytes;
    }

    /**
     * Teaches the listeners everything the index holds: they forget, receive every confirmed contact,
     * then hear that they have caught up.
     *
     * @return how many confirmed contacts were handed over
     */
    long handOver(List<LabelListener> listeners) {
        listeners.forEach(LabelListener::reset);
        long[] count = { 0 };
        forEachConfirmed((need, vector) -> {
            count[0]++;
            for (LabelListener listener : listeners) {
                listener.confirmed(need, null, List.of(vector));
            }
        });
        listeners.forEach(LabelListener::caughtUp);
        return count[0];
    }

    /** The vectors of the inbound contacts of one case, as the index holds them now. */
    List<float[]> vectorsOf(CaseId caseId) throws IOException {
        searchers.maybeRefreshBlocking();
        IndexSearcher searcher = searchers.acquire();
        try {
            List<float[]> vectors = new ArrayList<>();
            TopDocs docs = searcher.search(new TermQuery(new Term(CASE, caseId.toString())), 1_000);
            for (ScoreDoc hit : docs.scoreDocs) {
                float[] v = vectorOf(searcher, hit.doc);
                if (v != null) {
                    vectors.add(v);
                }
            }
            return vectors;
        } finally {
            searchers.release(searcher);
        }
    }

    @Override
    public long appliedSequence() {
        return applied;
    }

    @Override
    public boolean awaitSequence(long sequence, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (applied < sequence) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                try {
                    progress.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    @Override
    public List<Hit> nearest(float[] vector, int k) {
        IndexSearcher searcher = acquire();
        try {
            return hasVectors(searcher) ? search(knn(vector, k), k, true) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public List<Neighbour> neighbours(float[] vector, int k) {
        IndexSearcher searcher = acquire();
        try {
            return hasVectors(searcher) ? List.of(labels(searcher, searcher.search(knn(vector, k), k).scoreDocs))
                    : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public java.util.Optional<float[]> vectorOf(ContactId contact) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs docs = searcher.search(new TermQuery(new Term(ID, contact.toString())), 1);
            return docs.scoreDocs.length == 0 ? java.util.Optional.empty()
                    : java.util.Optional.ofNullable(vectorOf(searcher, docs.scoreDocs[0].doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    /**
     * Whether any contact in view has a vector: rescoring the nearest of none fails inside Lucene, and a new
     * node matches its first contact before that contact is indexed.
     */
    private static boolean hasVectors(IndexSearcher searcher) throws IOException {
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            org.apache.lucene.index.FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
            if (values != null && values.size() > 0) {
                return true;
            }
        }
        return false;
    }

    /** The k nearest by the quantized graph, scored again on the full-precision vectors: exact cosines. */
    private static Query knn(float[] vector, int k) {
        return RescoreTopNQuery.createFullPrecisionRescorerQuery(new KnnFloatVectorQuery(VECTOR, vector, k), vector,
                VECTOR, k);
    }

    /** Each hit's need and confirmation from doc values, read in document order as their iterators require. */
    private static Neighbour[] labels(IndexSearcher searcher, ScoreDoc[] hits) throws IOException {
        long[] byDoc = new long[hits.length];
        for (int i = 0; i < hits.length; i++) {
            byDoc[i] = (long) hits[i].doc << 32 | i;
        }
        java.util.Arrays.sort(byDoc);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        Neighbour[] found = new Neighbour[hits.length];
        LeafReaderContext leaf = null;
        BinaryDocValues needs = null;
        NumericDocValues confirmations = null;
        for (long entry : byDoc) {
            int doc = (int) (entry >>> 32);
            int i = (int) entry;
            if (leaf == null || doc >= leaf.docBase + leaf.reader().maxDoc()) {
                leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
                needs = leaf.reader().getBinaryDocValues(NEED);
                confirmations = leaf.reader().getNumericDocValues(CONFIRMED);
            }
            int local = doc - leaf.docBase;
            NeedId need = needs != null && needs.advanceExact(local) ? need(needs.binaryValue()) : null;
            boolean confirmed = confirmations != null && confirmations.advanceExact(local)
                    && confirmations.longValue() == 1;
            // DOT_PRODUCT scores are (1 + cosine) / 2 for unit vectors.
            found[i] = new Neighbour(need, confirmed, 2 * hits[i].score - 1);
        }
        return found;
    }

    @Override
    public List<Hit> keyword(String text, int k) {
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        int terms = 0;
        try (TokenStream tokens = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken() && terms < 64) {
                query.add(new TermQuery(new Term(TEXT, term.toString())), BooleanClause.Occur.SHOULD);
                terms++;
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms == 0 ? List.of() : search(query.build(), k, false);
    }

    @Override
    public void forEachConfirmed(BiConsumer<NeedId, float[]> consumer) {
        try {
            searchers.maybeRefreshBlocking();
            IndexSearcher searcher = searchers.acquire();
            try {
                for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
                    forEachConfirmed(leaf.reader(), consumer);
                }
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void forEachConfirmed(LeafReader reader, BiConsumer<NeedId, float[]> consumer) throws IOException {
        FloatVectorValues vectors = reader.getFloatVectorValues(VECTOR);
        NumericDocValues confirmed = reader.getNumericDocValues(CONFIRMED);
        BinaryDocValues needs = reader.getBinaryDocValues(NEED);
        if (vectors == null || confirmed == null || needs == null) {
            return;
        }
        var live = reader.getLiveDocs();
        KnnVectorValues.DocIndexIterator it = vectors.iterator();
        for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
            if ((live == null || live.get(doc)) && confirmed.advanceExact(doc) && confirmed.longValue() == 1
                    && needs.advanceExact(doc)) {
                NeedId need = need(needs.binaryValue());
                if (need != null) {
                    consumer.accept(need, vectors.vectorValue(it.index()).clone());
                }
            }
        }
    }

    @Override
    public List<Unlinked> unlinked(int limit) {
        IndexSearcher searcher = acquire();
        try {
            java.util.PriorityQueue<long[]> newest = new java.util.PriorityQueue<>(java.util.Comparator.comparingLong(a -> a[0]));
            List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
            for (LeafReaderContext leaf : leaves) {
                LeafReader reader = leaf.reader();
                FloatVectorValues vectors = reader.getFloatVectorValues(VECTOR);
                BinaryDocValues needs = reader.getBinaryDocValues(NEED);
                NumericDocValues at = reader.getNumericDocValues(AT);
                if (vectors == null || needs == null || at == null) {
                    continue;
                }
                var live = reader.getLiveDocs();
                KnnVectorValues.DocIndexIterator it = vectors.iterator();
                for (int doc = it.nextDoc(); doc != KnnVectorValues.DocIndexIterator.NO_MORE_DOCS; doc = it.nextDoc()) {
                    if ((live != null && !live.get(doc)) || (needs.advanceExact(doc) && need(needs.binaryValue()) != null)
                            || !at.advanceExact(doc)) {
                        continue;
                    }
                    newest.add(new long[] { at.longValue(), leaf.docBase + doc });
                    if (newest.size() > limit) {
                        newest.poll();
                    }
                }
            }
            List<Unlinked> found = new ArrayList<>(newest.size());
            while (!newest.isEmpty()) {
                long[] entry = newest.poll();
                int doc = (int) entry[1];
                Document stored = searcher.storedFields().document(doc);
                float[] vector = vectorOf(searcher, doc);
                String customer = stored.get(CUSTOMER);
                found.add(new Unlinked(ContactId.of(stored.get(ID)), CaseId.of(stored.get(CASE)),
                        customer == null ? null : CustomerId.of(customer), Instant.ofEpochMilli(entry[0]),
                        stored.get(TEXT), vector));
            }
            java.util.Collections.reverse(found);
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    @Override
    public int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs()
                    - searcher.count(new TermQuery(new Term(LuceneArticleIndex.KIND, LuceneArticleIndex.ARTICLE)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private List<Hit> search(Query query, int k, boolean cosine) {
        IndexSearcher searcher = acquire();
        try {
            TopDocs top = searcher.search(query, k);
            List<Hit> hits = new ArrayList<>(top.scoreDocs.length);
            StoredFields fields = searcher.storedFields();
            for (ScoreDoc sd : top.scoreDocs) {
                hits.add(hit(searcher, fields, sd, cosine));
            }
            return hits;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            release(searcher);
        }
    }

    private static Hit hit(IndexSearcher searcher, StoredFields fields, ScoreDoc sd, boolean cosine)
            throws IOException {
        Document stored = fields.document(sd.doc);
        LeafReaderContext leaf = searcher.getIndexReader().leaves()
                .get(org.apache.lucene.index.ReaderUtil.subIndex(sd.doc, searcher.getIndexReader().leaves()));
        int local = sd.doc - leaf.docBase;
        NeedId need = null;
        boolean confirmed = false;
        BinaryDocValues needs = leaf.reader().getBinaryDocValues(NEED);
        if (needs != null && needs.advanceExact(local)) {
            need = need(needs.binaryValue());
        }
        NumericDocValues confirmations = leaf.reader().getNumericDocValues(CONFIRMED);
        if (confirmations != null && confirmations.advanceExact(local)) {
            confirmed = confirmations.longValue() == 1;
        }
        // DOT_PRODUCT scores are (1 + cosine) / 2 for unit vectors.
        float score = cosine ? 2 * sd.score - 1 : sd.score;
        return new Hit(ContactId.of(stored.get(ID)), CaseId.of(stored.get(CASE)), need, confirmed, score,
                stored.get(TEXT));
    }

    private static float @Nullable [] vectorOf(IndexSearcher searcher, int doc) throws IOException {
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        LeafReaderContext leaf = leaves.get(org.apache.lucene.index.ReaderUtil.subIndex(doc, leaves));
        FloatVectorValues vectors = leaf.reader().getFloatVectorValues(VECTOR);
        if (vectors == null) {
            return null;
        }
        KnnVectorValues.DocIndexIterator it = vectors.iterator();
        return it.advance(doc - leaf.docBase) == doc - leaf.docBase ? vectors.vectorValue(it.index()).clone() : null;
    }

    /** The writer articles share with contacts, so both advance with one journal sequence. */
    IndexWriter writer() {
        return writer;
    }

    IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BytesRef needBytes(@Nullable NeedId need) {
        if (need == null) {
            return new BytesRef(new byte[0]);
        }
        UUID id = need.value();
        return new BytesRef(ByteBuffer.allocate(16).putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits()).array());
    }

    private static @Nullable NeedId need(BytesRef bytes) {
        if (bytes.length != 16) {
            return null;
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        return new NeedId(new UUID(buffer.getLong(), buffer.getLong()));
    }

    @Override
    public void close() throws IOException {
        IOUtils.close(searchers, writer, directory, analyzer);
        merging.shutdownNow();
    }
}

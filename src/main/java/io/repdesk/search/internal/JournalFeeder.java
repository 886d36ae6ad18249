package io.repdesk.search.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.time.Duration;
import java.util.function.LongConsumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;

import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.search.ContactIndex.LabelListener;
import io.repdesk.search.Embedder;
import io.repdesk.search.Reindex;
import io.repdesk.search.SearchSettings;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.Periodic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Keeps this node's index in step with the journal: reads entries after the last applied sequence,
 * embeds new inbound contacts in batches, applies the changes and commits now and then. After a crash
 * the index resumes from its last commit; replaying an entry twice changes nothing.
 */
final class JournalFeeder implements SmartLifecycle, Reindex {

    private static final Logger log = LoggerFactory.getLogger(JournalFeeder.class);

    private final Journal journal;
    private final LuceneContactIndex index;
    private final LuceneArticleIndex articles;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final JsonMapper json;
    private final ObjectProvider<LabelListener> listeners;
    private @Nullable Periodic feeding;
    private long committedAt = System.nanoTime();
    private long committed;
    private volatile boolean started;
    /** Set while stopping: the feeder finishes the batch in hand instead of working through the backlog. */
    private volatile boolean stopping;
    private final java.util.concurrent.atomic.AtomicBoolean readingAhead = new java.util.concurrent.atomic.AtomicBoolean();

    JournalFeeder(Journal journal, LuceneContactIndex index, LuceneArticleIndex articles, Embedder embedder, SearchSettings settings,
            JsonMapper json, ObjectProvider<LabelListener> listeners) {
        this.journal = journal;
        this.index = index;
        this.articles = articles;
        this.embedder = embedder;
        this.settings = settings;
        this.json = json;
        this.listeners = listeners;
    }

    @Override
    public void start() {
        started = true;
        stopping = false;
        String origin = origin();
        if (!origin.equals(index.origin())) {
            if (index.origin() != null) {
                log.info("The search index was built from another database or with another embedding model than {};"
                        + " rebuilding it from the journal", embedder.name());
            }
            index.clear(origin);
        }
        committed = index.appliedSequence();
        if (!settings.tail()) {
            return;
        }
        index.handOver(listeners.orderedStream().toList());
        feeding = Periodic.every("index-feeder", Duration.ZERO, settings.pollInterval(), this::feedSafely);
    }

    @Override
    public void stop() {
        // what is left of a backlog stays in the journal; the next start feeds it from the committed sequence
        stopping = true;
        if (feeding != null) {
            feeding.close();
            feeding = null;
            try {
                index.commit(index.appliedSequence());
            } catch (IOException e) {
                log.warn("Could not commit the search index on the way out: {}", e.toString());
            }
        }
        started = false;
    }

    @Override
    public boolean isRunning() {
        return feeding != null || started;
    }

    /**
     * After the database is up and before the web server takes requests; on the way out, after the web server has
     * finished its requests and before the embedder closes, so no batch is left embedding on a closed model.
     */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }

    private void feedSafely() {
        try {
            while (!stopping && feedOnce() > 0) {
                // keep going while there is a backlog
            }
        } catch (RuntimeException | IOException e) {
            log.warn("Search index feeding failed; will retry: {}", e.toString());
            log.debug("Feeding failure", e);
        }
    }

    /** Applies the next batch of journal entries; returns how many there were. */
    int feedOnce() throws IOException {
        List<JournalEntry> entries = journal.after(index.appliedSequence(), settings.batchSize());
        if (entries.isEmpty()) {
            return 0;
        }
        long last = entries.getLast().sequence();
        if (entries.size() == settings.batchSize()) {
            readAhead(last);
        }
        apply(entries);
        if (System.nanoTime() - committedAt > settings.commitInterval().toNanos()) {
            index.commit(last);
            committed = last;
            committedAt = System.nanoTime();
        } else {
            index.publish(last);
        }
        return entries.size();
    }

    /**
     * With a backlog, has the model embed the new contacts of the next batch while this one is applied to
     * the index: the embedder remembers them, so the next batch finds its vectors made or in the making, and
     * the model is not idle while the index writes. One read-ahead at a time.
     */
    private void readAhead(long after) {
        if (!embedder.available() || !readingAhead.compareAndSet(false, true)) {
            return;
        }
        Thread.ofPlatform().name("index-read-ahead").daemon().start(() -> {
            try {
                List<String> texts = new ArrayList<>();
                for (JournalEntry entry : journal.after(after, settings.batchSize())) {
                    if ("ContactRecorded".equals(entry.type())) {
                        JsonNode payload = json.readTree(entry.payload());
                        if (isInboundContact(entry, payload)) {
                            texts.add(text(payload));
                        }
                    }
                }
                if (!texts.isEmpty()) {
                    embedder.embed(texts);
                }
            } catch (RuntimeException e) {
                // the batch embeds its own texts when it comes
                log.debug("Reading ahead failed", e);
            } finally {
                readingAhead.set(false);
            }
        });
    }

    /** What the index is built from: this database's journal, embedded by this model. */
    private String origin() {
        return journal.origin() + "@" + embedder.name();
    }

    @Override
    public long journalHead() {
        return journal.head();
    }

    @Override
    public void rebuild(LongConsumer progress) {
        try {
            index.clear(origin());
            listeners.orderedStream().forEach(LabelListener::reset);
            int applied;
            while ((applied = feedOnce()) > 0) {
                progress.accept(index.appliedSequence());
            }
            index.commit(index.appliedSequence());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("Rebuilding the search index failed", e);
        }
    }

    private void apply(List<JournalEntry> entries) throws IOException {
        List<JsonNode> payloads = new ArrayList<>(entries.size());
        List<String> texts = new ArrayList<>();
        for (JournalEntry entry : entries) {
            JsonNode payload = json.readTree(entry.payload());
            payloads.add(payload);
            if (isInboundContact(entry, payload)) {
                texts.add(text(payload));
            }
        }
        List<float[]> vectors = embedder.available() && !texts.isEmpty() ? embedder.embed(texts) : List.of();
        applyArticles(entries, payloads);
        int next = 0;
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            JsonNode payload = payloads.get(i);
            switch (entry.type()) {
                case "ContactRecorded" -> {
                    boolean inbound = isInboundContact(entry, payload);
                    float[] vector = inbound && !vectors.isEmpty() ? vectors.get(next) : null;
                    next += inbound ? 1 : 0;
                    contactRecorded(entry, payload, vector);
                }
                case "CaseLinkedToNeed" -> caseLinked(entry, payload);
                case "CaseNeedConfirmed" -> caseConfirmed(entry, payload);
                default -> {
                    // other changes do not touch the contact index
                }
            }
        }
    }

    /** The article journal types that carry an article's whole content (reuse and flags do not). */
    private static final java.util.Set<String> ARTICLE_CHANGES = java.util.Set.of("ArticleDrafted", "ArticleRevised",
            "ArticlePublished", "ArticleArchived");

    /** Puts every article changed in the batch, each as of its last change, embedding them together. */
    private void applyArticles(List<JournalEntry> entries, List<JsonNode> payloads) throws IOException {
        java.util.Map<UUID, LuceneArticleIndex.Entry> latest = new java.util.LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            JournalEntry entry = entries.get(i);
            if ("article".equals(entry.stream()) && ARTICLE_CHANGES.contains(entry.type())) {
                latest.remove(entry.streamId());
                latest.put(entry.streamId(), LuceneArticleIndex.entry(new io.repdesk.shared.ArticleId(entry.streamId()),
                        payloads.get(i)));
            }
        }
        if (latest.isEmpty()) {
            return;
        }
        List<LuceneArticleIndex.Entry> changed = List.copyOf(latest.values());
        List<float[]> vectors = embedder.available()
                ? embedder.embed(changed.stream().map(LuceneArticleIndex.Entry::meaning).toList()) : List.of();
        for (int i = 0; i < changed.size(); i++) {
            articles.put(changed.get(i), vectors.isEmpty() ? null : vectors.get(i));
        }
    }

    private void contactRecorded(JournalEntry entry, JsonNode payload, float @Nullable [] vector) throws IOException {
        NeedId need = needId(payload, "needId");
        boolean confirmed = payload.path("needConfirmed").asBoolean(false);
        String customer = payload.path("customerId").asString("");
        String at = payload.path("occurredAt").asString("");
        index.put(new ContactId(entry.streamId()), CaseId.of(payload.path("caseId").asString()),
                customer.isBlank() ? null : CustomerId.of(customer),
                at.isBlank() ? entry.occurredAt() : java.time.Instant.parse(at), text(payload), vector, need, confirmed);
        if (need != null && confirmed && vector != null) {
            listeners.orderedStream().forEach(l -> l.confirmed(need, null, List.of(vector)));
        }
    }

    private void caseLinked(JournalEntry entry, JsonNode payload) throws IOException {
        CaseId caseId = new CaseId(entry.streamId());
        NeedId need = needId(payload, "needId");
        boolean confirmed = payload.path("confirmed").asBoolean(true);
        index.label(caseId, need, confirmed);
        if (confirmed && need != null) {
            NeedId previous = payload.path("previousConfirmed").asBoolean(false) ? needId(payload, "previousNeedId")
                    : null;
            List<float[]> vectors = index.vectorsOf(caseId);
            listeners.orderedStream().forEach(l -> l.confirmed(need, previous, vectors));
        }
    }

    private void caseConfirmed(JournalEntry entry, JsonNode payload) throws IOException {
        CaseId caseId = new CaseId(entry.streamId());
        NeedId need = needId(payload, "needId");
        index.label(caseId, need, true);
        if (need != null) {
            List<float[]> vectors = index.vectorsOf(caseId);
            listeners.orderedStream().forEach(l -> l.confirmed(need, null, vectors));
        }
    }

    private static boolean isInboundContact(JournalEntry entry, JsonNode payload) {
        return "ContactRecorded".equals(entry.type()) && "INBOUND".equals(payload.path("direction").asString());
    }

    /** What a contact says, as the contact module composed it. */
    static String text(JsonNode payload) {
        return payload.path("text").asString(payload.path("subject").asString(""));
    }

    private static @Nullable NeedId needId(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isString() && !value.asString().isBlank() ? new NeedId(UUID.fromString(value.asString())) : null;
    }
}

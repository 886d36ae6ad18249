package io.repdesk.eval;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.journal.Journal;
import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.Audience;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.search.ArticleIndex;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk bench search}: publishes N synthetic articles (default 10,000) through the knowledge module,
 * waits for the index, then lets U concurrent users (default 50) run portal searches (published public
 * articles, BM25 with typos fused with vectors, snippets) back to back, and reports p50/p99 latency.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-search")
class SearchBenchmark implements ApplicationRunner {

    static final int QUERIES_PER_USER = 40;
    static final String[] TOPICS = { "card", "transfer", "top-up", "passcode", "statement", "refund", "exchange",
            "PIN", "account", "payment", "ATM", "identity", "app", "notification", "limit", "fee" };
    static final String[] PROBLEMS = { "has not arrived", "was declined", "is still pending", "failed", "is blocked",
            "shows the wrong amount", "was charged twice", "does not work abroad", "cannot be found",
            "keeps asking to verify" };
    static final String[] TYPED = { "my card hasnt arived", "transfer declined", "top up pending since monday",
            "forgot pascode", "statment wrong amount", "refund not showing", "exchange rate abroad", "pin blocked",
            "close my acount", "payment charged twice", "atm kept card", "verify identiy", "app notifications",
            "raise my limit", "why a fee" };

    private final ArticleManagement articles;
    private final KnowledgeSearch search;
    private final ArticleIndex index;
    private final Journal journal;
    private final TransactionTemplate transaction;
    private final int count;
    private final int users;
    private final PrintStream out = System.out;

    SearchBenchmark(ArticleManagement articles, KnowledgeSearch search, ArticleIndex index, Journal journal,
            TransactionTemplate transaction, @Value("${repdesk.eval.articles:10000}") int count,
            @Value("${repdesk.eval.users:50}") int users) {
        this.articles = articles;
        this.search = search;
        this.index = index;
        this.journal = journal;
        this.transaction = transaction;
        this.count = count;
        this.users = users;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        publish();
        long indexing = System.nanoTime();
        if (!index.awaitSequence(journal.head(), Duration.ofHours(1))) {
            throw new IllegalStateException("the index did not catch up within an hour");
        }
        out.printf(Locale.ROOT, "Indexed %,d articles (%,d in the index) in %.1f s after publishing%n", count,
                index.size(), (System.nanoTime() - indexing) / 1e9);
        for (int i = 0; i < 20; i++) {
            search.forCustomers(TYPED[i % TYPED.length], null, null, 10);
        }
        List<Double> millis = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(users)) {
            List<Future<?>> running = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                int user = u;
                running.add(pool.submit(() -> {
                    for (int q = 0; q < QUERIES_PER_USER; q++) {
                        long start = System.nanoTime();
                        search.forCustomers(TYPED[(user + q) % TYPED.length], null, null, 10);
                        millis.add((System.nanoTime() - start) / 1e6);
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2);
        double p99 = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * 0.99) - 1));
        out.printf(Locale.ROOT, "bench search articles=%d users=%d queries=%d p50_ms=%.1f p99_ms=%.1f qps=%.0f%n",
                count, users, sorted.size(), p50, p99, sorted.size() / seconds);
    }

    private void publish() {
        Random random = new Random(17);
        ProgressBar bar = new ProgressBar(out, "Publishing articles", count);
        for (int from = 0; from < count; from += 200) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 200, count); i++) {
                    String topic = TOPICS[random.nextInt(TOPICS.length)];
                    String problem = PROBLEMS[random.nextInt(PROBLEMS.length)];
                    String title = "My " + topic + " " + problem + " (" + i + ")";
                    var draft = articles.create(new ArticleDraft(title, "Customers report that their " + topic + " "
                            + problem + " in case " + i + ".", "", "Open **Settings** and check the " + topic
                                    + " section; if it still " + problem.split(" ")[0] + " contact us with reference " + i
                                    + ".", "", null, Audience.PUBLIC, List.of(), null));
                    articles.publish(draft.id());
                }
            });
            bar.update(Math.min(from + 200, count));
        }
        bar.done();
    }
}

package io.repdesk.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import io.repdesk.need.NeedDiscovery;
import io.repdesk.search.Embedder;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk eval discovery --test TEST.csv}: clusters the TEST texts with the product's discovery,
 * given neither labels nor the number of groups, and compares the groups with the labels.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "eval-discovery")
class DiscoveryEvaluation implements ApplicationRunner {

    private static final int BATCH = 32;
    private static final int RUNS = 3;

    private final Embedder embedder;
    private final NeedDiscovery discovery;
    private final Path test;
    private final PrintStream out = System.out;

    DiscoveryEvaluation(Embedder embedder, NeedDiscovery discovery, @Value("${repdesk.eval.test}") Path test) {
        this.embedder = embedder;
        this.discovery = discovery;
        this.test = test;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!embedder.available()) {
            throw new IllegalStateException("Discovery needs the embedding model, which could not be loaded");
        }
        List<LabelledText> rows = LabelledText.read(test);
        List<float[]> vectors = new ArrayList<>(rows.size());
        ProgressBar bar = new ProgressBar(out, "Embedding", rows.size());
        long embedNanos = 0;
        for (int from = 0; from < rows.size(); from += BATCH) {
            long t0 = System.nanoTime();
            vectors.addAll(embedder.embed(rows.subList(from, Math.min(from + BATCH, rows.size())).stream()
                    .map(LabelledText::text).toList()));
            embedNanos += System.nanoTime() - t0;
            bar.update(vectors.size());
        }
        bar.done();
        int[] clusters = null;
        List<Double> perContact = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            long t0 = System.nanoTime();
            clusters = discovery.cluster(vectors);
            perContact.add((System.nanoTime() - t0 + embedNanos) / 1e6 / rows.size());
        }
        out.println(summarize(rows, clusters, Metrics.median(perContact)));
    }

    static String summarize(List<LabelledText> rows, int[] clusters, double msPerContact) {
        Map<String, Integer> ids = new HashMap<>();
        int[] truth = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            truth[i] = ids.computeIfAbsent(rows.get(i).category(), k -> ids.size());
        }
        int found = 0;
        for (int c : clusters) {
            found = Math.max(found, c + 1);
        }
        return String.format(Locale.ROOT,
                "discovery n=%d clusters=%d true_clusters=%d nmi=%.4f ari=%.4f acc=%.4f ms_per_contact=%.2f",
                rows.size(), found, ids.size(), ClusteringMetrics.nmi(truth, clusters),
                ClusteringMetrics.ari(truth, clusters), ClusteringMetrics.acc(truth, clusters), msPerContact);
    }
}

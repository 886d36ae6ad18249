package io.repdesk.search;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The search projection's settings.
 *
 * @param indexDir where this node keeps its index; default {@code <data dir>/index}
 * @param model the embedding model: {@code bge-small-en-v15-q}, or {@code none} for keyword-only search
 * @param threads embedding threads, each running the texts waiting in one model run; 0 means one per core
 * @param pollInterval how often the index looks for new journal entries
 * @param batchSize journal entries applied per step
 * @param tail follow the journal continuously (off while a command such as reindex drives the index)
 * @param commitInterval how often the index is made durable; after a crash it replays at most this much
 */
@ConfigurationProperties("repdesk.search")
public record SearchSettings(@Nullable String indexDir, @Nullable String model, int threads,
        @Nullable Duration pollInterval, int batchSize, @DefaultValue("true") boolean tail,
        @DefaultValue("2s") Duration commitInterval) {

    public SearchSettings {
        model = model == null || model.isBlank() ? "bge-small-en-v15-q" : model;
        threads = threads <= 0 ? Runtime.getRuntime().availableProcessors() : threads;
        pollInterval = pollInterval == null ? Duration.ofMillis(100) : pollInterval;
        batchSize = batchSize <= 0 ? 256 : batchSize;
    }
}

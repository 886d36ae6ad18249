package io.repdesk.search.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.repdesk.search.Embedder;
import io.repdesk.search.SearchSettings;

/** Loads the configured embedding model, or falls back to keyword-only search when it cannot. */
@Configuration(proxyBeanMethods = false)
class EmbedderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbedderConfiguration.class);

    @Bean
    Embedder embedder(SearchSettings settings) {
        if ("none".equalsIgnoreCase(settings.model())) {
            log.info("Embeddings switched off (repdesk.search.model=none): keyword-only search and matching");
            return new NoEmbedder();
        }
        OnnxEmbedder.Model model = OnnxEmbedder.Model.named(settings.model());
        try {
            long started = System.nanoTime();
            Embedder embedder = new OnnxEmbedder(model, settings.threads());
            log.info("Loaded embedding model {} ({} dimensions) in {} ms", settings.model(), embedder.dimension(),
                    (System.nanoTime() - started) / 1_000_000);
            return embedder;
        } catch (RuntimeException | LinkageError e) {
            log.warn("Could not load the embedding model {}: {}. Falling back to keyword-only search and matching.",
                    settings.model(), e.toString());
            return new NoEmbedder();
        }
    }
}

package io.repdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.repdesk.search.Embedder;

class OnnxEmbedderTests {

    static ExecutorService threads;
    static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        threads = Executors.newFixedThreadPool(2);
        embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, threads);
    }

    @AfterAll
    static void stop() {
        threads.shutdown();
    }

    @Test
    void sentencesAboutTheSameProblemAreCloserThanUnrelatedOnes() {
        List<float[]> v = embedder.embed(List.of("My card still hasn't arrived", "When will my new card be delivered?",
                "How do I close my account?"));

        assertThat(embedder.dimension()).isEqualTo(384);
        assertThat(Embedder.cosine(v.get(0), v.get(0))).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-4f));
        assertThat(Embedder.cosine(v.get(0), v.get(1))).isGreaterThan(Embedder.cosine(v.get(0), v.get(2)) + 0.1f);
    }

    @Test
    void aBatchGivesTheSameVectorsAsOneByOne() {
        float[] alone = embedder.embed("Top-up failed twice this morning");
        OnnxEmbedder fresh = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, threads);
        float[] batched = fresh.embed(List.of("Something else entirely", "Top-up failed twice this morning")).get(1);
        assertThat(Embedder.cosine(alone, batched)).isGreaterThan(0.999f);
    }

    @Test
    void theFasterModelAlsoPlacesSentencesByMeaning() throws Exception {
        try (OnnxEmbedder minilm = new OnnxEmbedder(OnnxEmbedder.Model.MINILM_L6, threads)) {
            List<float[]> v = minilm.embed(List.of("My card still hasn't arrived", "When will my new card be delivered?",
                    "How do I close my account?"));

            assertThat(minilm.dimension()).isEqualTo(384);
            assertThat(Embedder.cosine(v.get(0), v.get(1))).isGreaterThan(Embedder.cosine(v.get(0), v.get(2)) + 0.1f);
        }
    }

    @Test
    void anUnknownModelNameIsRefusedWithTheChoices() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OnnxEmbedder.Model.named("gpt"))
                .hasMessageContaining("repdesk.search.model").hasMessageContaining("all-minilm-l6-v2-q")
                .hasMessageContaining("'gpt'");
    }

    @Test
    void vectorsAreThoseOfTheModelsReferencePipeline() {
        String text = "I was charged twice for the same order, please refund one of them";
        float[] reference = new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel()
                .embed(text).content().vector();

        assertThat(Embedder.cosine(OnnxEmbedder.normalized(reference), embedder.embed(text))).isGreaterThan(0.9999f);
    }
}

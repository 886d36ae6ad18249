package io.repdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.repdesk.search.Embedder;

class OnnxEmbedderTests {

    static OnnxEmbedder embedder;

    @BeforeAll
    static void load() {
        embedder = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, 2);
    }

    @AfterAll
    static void stop() throws Exception {
        embedder.close();
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
    void aTextEmbeddedInOneRunWithOthersKeepsItsMeaning() throws Exception {
        float[] alone = embedder.embed("Top-up failed twice this morning");
        try (OnnxEmbedder fresh = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, 1)) {
            float[] batched = fresh.embed(List.of("Something else entirely, and at much greater length than the other",
                    "Top-up failed twice this morning")).get(1);
            // Activations are quantized with one scale per run, so run-mates move a vector slightly.
            assertThat(Embedder.cosine(alone, batched)).isGreaterThan(0.99f);
        }
    }

    @Test
    void concurrentCallersEachGetTheVectorOfTheirOwnText() throws Exception {
        List<String> texts = IntStream.range(0, 48).mapToObj(i -> "Card number " + i + " was declined at shop " + (i * 7))
                .toList();
        List<float[]> alone = new ArrayList<>();
        try (OnnxEmbedder single = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, 1)) {
            for (String text : texts) {
                alone.add(single.embed(text));
            }
        }
        try (OnnxEmbedder shared = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, 2);
                ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<float[]>> together = texts.stream().map(t -> callers.submit(() -> shared.embed(t))).toList();
            for (int i = 0; i < texts.size(); i++) {
                float[] mine = together.get(i).get();
                float own = Embedder.cosine(mine, alone.get(i));
                assertThat(own).isGreaterThan(0.99f);
                for (int j = 0; j < texts.size(); j++) {
                    if (j != i) {
                        assertThat(Embedder.cosine(mine, alone.get(j))).isLessThan(own);
                    }
                }
            }
        }
    }

    @Test
    void theFasterModelAlsoPlacesSentencesByMeaning() throws Exception {
        try (OnnxEmbedder minilm = new OnnxEmbedder(OnnxEmbedder.Model.MINILM_L6, 1)) {
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

    @Test
    void aTextAskedForByManyCallersAtOnceRunsThroughTheModelOnce() throws Exception {
        String text = "The index and matching both want the vector of this contact " + System.nanoTime();
        long before = embedder.computed();
        List<Future<float[]>> callers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < 8; i++) {
                callers.add(pool.submit(() -> embedder.embed(text)));
            }
            float[] first = callers.getFirst().get();
            for (Future<float[]> caller : callers) {
                assertThat(caller.get()).isSameAs(first);
            }
        }

        assertThat(embedder.computed() - before).isEqualTo(1);
    }

    @Test
    void theTextsOfOneCallerGoThroughTheModelInAsFewRunsAsABatchAllows() throws Exception {
        try (OnnxEmbedder fresh = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, 1)) {
            List<String> batch = IntStream.range(0, OnnxEmbedder.MAX_BATCH)
                    .mapToObj(i -> "Transfer " + i + " to my landlord is still pending").toList();
            fresh.embed(batch);

            assertThat(fresh.runs()).isEqualTo(1);
            assertThat(fresh.computed()).isEqualTo(OnnxEmbedder.MAX_BATCH);

            fresh.embed(IntStream.rangeClosed(0, OnnxEmbedder.MAX_BATCH)
                    .mapToObj(i -> "Refund " + i + " never reached my account").toList());

            assertThat(fresh.runs()).isEqualTo(3);
        }
    }

    @Test
    void aClosedEmbedderRefusesNewTextsInsteadOfLeavingTheCallerWaiting() throws Exception {
        OnnxEmbedder closing = new OnnxEmbedder(OnnxEmbedder.Model.BGE_SMALL, 1);
        float[] before = closing.embed("Card declined at the bakery");
        closing.close();

        assertThat(before).hasSize(384);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> closing.embed("Card declined at the butcher"))
                .isInstanceOf(IllegalStateException.class).hasMessage("The embedder was closed");
    }
}

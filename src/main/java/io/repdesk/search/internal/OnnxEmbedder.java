package io.repdesk.search.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import io.repdesk.search.Embedder;

/**
 * Sentence embeddings from an ONNX model shipped inside a Maven Central jar; runs in-process on a pool
 * sized to the cores. Recently embedded texts are remembered, so the index and the matcher, which see
 * the same new contact, embed it once.
 */
final class OnnxEmbedder implements Embedder {

    private static final int MAX_CHARS = 2_000;
    private static final int CACHE_SIZE = 4_096;

    private final EmbeddingModel model;
    private final int dimension;
    private final Map<String, float[]> recent = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    OnnxEmbedder(EmbeddingModel model) {
        this.model = model;
        this.dimension = model.embed("dimension probe").content().vector().length;
    }

    static OnnxEmbedder bgeSmall(ExecutorService executor) {
        return new OnnxEmbedder(
                new dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel(executor));
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        List<TextSegment> segments = new ArrayList<>();
        synchronized (recent) {
            for (int i = 0; i < texts.size(); i++) {
                String text = clip(texts.get(i));
                float[] known = recent.get(text);
                vectors.add(known);
                if (known == null) {
                    missing.add(i);
                    segments.add(TextSegment.from(text));
                }
            }
        }
        if (!segments.isEmpty()) {
            List<Embedding> embedded = model.embedAll(segments).content();
            synchronized (recent) {
                for (int j = 0; j < missing.size(); j++) {
                    float[] v = normalized(embedded.get(j).vector());
                    vectors.set(missing.get(j), v);
                    recent.put(segments.get(j).text(), v);
                }
            }
        }
        return vectors;
    }

    private static String clip(String text) {
        String t = text.isBlank() ? "(empty)" : text.strip();
        return t.length() <= MAX_CHARS ? t : t.substring(0, MAX_CHARS);
    }

    static float[] normalized(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += x * x;
        }
        float norm = (float) Math.sqrt(sum);
        if (norm == 0) {
            return v;
        }
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] / norm;
        }
        return out;
    }
}

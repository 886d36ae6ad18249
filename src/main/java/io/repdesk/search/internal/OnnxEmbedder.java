package io.repdesk.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.repdesk.search.Embedder;

/**
 * Sentence embeddings from an ONNX model shipped inside a Maven Central jar, run in-process by ONNX
 * Runtime. Each text is one model run on one thread, so a text's vector never depends on what it was
 * embedded with, and a list of texts spreads over a pool sized to the cores. Recently embedded texts
 * are remembered, so the index and the matcher, which see the same new contact, embed it once.
 */
final class OnnxEmbedder implements Embedder, AutoCloseable {

    /** The models repdesk can load: the files inside the langchain4j embedding jars, and their pooling. */
    enum Model {
        BGE_SMALL("bge-small-en-v15-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", false),
        MINILM_L6("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", true);

        final String setting;
        final String file;
        final String tokenizer;
        /** Mean of the token vectors (MiniLM) rather than the first token's vector (BGE). */
        final boolean meanPooling;

        Model(String setting, String file, String tokenizer, boolean meanPooling) {
            this.setting = setting;
            this.file = file;
            this.tokenizer = tokenizer;
            this.meanPooling = meanPooling;
        }

        static Model named(String setting) {
            for (Model m : values()) {
                if (m.setting.equalsIgnoreCase(setting)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("repdesk.search.model must be bge-small-en-v15-q, all-minilm-l6-v2-q "
                    + "or none, not '" + setting + "'");
        }
    }

    private static final int MAX_CHARS = 2_000;
    private static final int MAX_TOKENS = 512;
    private static final int CACHE_SIZE = 4_096;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String name;
    private final boolean meanPooling;
    private final boolean typeIds;
    private final ExecutorService executor;
    private final int dimension;
    private final Map<String, float[]> recent = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    OnnxEmbedder(Model model, ExecutorService executor) {
        this.executor = executor;
        this.name = model.setting;
        this.meanPooling = model.meanPooling;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread per run: runs in parallel beat threads fighting over one run (measured, docs/benchmarks.md).
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(resource(model.file), options);
            typeIds = session.getInputNames().contains("token_type_ids");
            try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(model.tokenizer)) {
                if (in == null) {
                    throw new IllegalStateException(model.tokenizer + " is not on the class path");
                }
                tokenizer = HuggingFaceTokenizer.newInstance(in, Map.of("truncation", "true", "maxLength",
                        Integer.toString(MAX_TOKENS), "padding", "false", "addSpecialTokens", "true"));
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + model.file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dimension = run("dimension probe").length;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        List<Integer> missing = new ArrayList<>();
        List<String> clipped = new ArrayList<>(texts.size());
        synchronized (recent) {
            for (String raw : texts) {
                String text = clip(raw);
                clipped.add(text);
                float[] known = recent.get(text);
                vectors.add(known);
                if (known == null) {
                    missing.add(vectors.size() - 1);
                }
            }
        }
        if (missing.size() == 1) {
            int i = missing.getFirst();
            vectors.set(i, remember(clipped.get(i), run(clipped.get(i))));
        } else if (!missing.isEmpty()) {
            List<Future<float[]>> runs = new ArrayList<>(missing.size());
            for (int i : missing) {
                String text = clipped.get(i);
                runs.add(executor.submit(() -> run(text)));
            }
            for (int j = 0; j < missing.size(); j++) {
                int i = missing.get(j);
                vectors.set(i, remember(clipped.get(i), result(runs.get(j))));
            }
        }
        return vectors;
    }

    private float[] remember(String text, float[] vector) {
        synchronized (recent) {
            recent.put(text, vector);
        }
        return vector;
    }

    private static float[] result(Future<float[]> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /** One model run: the text's unit vector. */
    private float[] run(String text) {
        Encoding encoding = tokenizer.encode(text);
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] shape = { 1, ids.length };
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment,
                        LongBuffer.wrap(encoding.getTypeIds()), shape)) {
            Map<String, OnnxTensor> inputs = new java.util.HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] tokens = ((float[][][]) result.get(0).getValue())[0];
                return normalized(meanPooling ? mean(tokens, mask) : tokens[0]);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Embedding failed: " + e.getMessage(), e);
        }
    }

    private static float[] mean(float[][] tokens, long[] mask) {
        float[] sum = new float[tokens[0].length];
        int count = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (mask[t] != 0) {
                count++;
                for (int i = 0; i < sum.length; i++) {
                    sum[i] += tokens[t][i];
                }
            }
        }
        for (int i = 0; i < sum.length && count > 0; i++) {
            sum[i] /= count;
        }
        return sum;
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = OnnxEmbedder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is not on the class path");
            }
            return in.readAllBytes();
        }
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

    @Override
    public void close() throws OrtException {
        session.close();
        tokenizer.close();
    }
}

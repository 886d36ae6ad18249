package io.repdesk.search.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import io.repdesk.search.Embedder;

/**
 * Sentence embeddings from an ONNX model shipped inside a Maven Central jar, run in-process by ONNX
 * Runtime. One runner thread per core takes whatever texts are waiting, up to {@value #MAX_BATCH}, and
 * embeds them in one model run on its one thread: a caller alone gets a run to itself (no added wait),
 * while concurrent callers and long lists share runs, which costs far less per text than one run each. A
 * caller's texts are queued together and by length, so its list fills runs of texts that need little padding.
 * Recently embedded texts are remembered, so the index and the matcher, which see the same new contact,
 * embed it once.
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
    /** Texts per model run at most: beyond about 16 short texts a run gains little per text. */
    static final int MAX_BATCH = 16;
    private static final String CLOSED = "The embedder was closed";

    /** A text waiting for a runner, and where its vector goes. */
    private record Pending(String text, CompletableFuture<float[]> vector) {
    }

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final String name;
    private final boolean meanPooling;
    private final boolean typeIds;
    /** Texts waiting for a runner; a caller's texts are added at once, so a short list shares one run. */
    private final Deque<Pending> waiting = new ArrayDeque<>();
    private final ReentrantLock queue = new ReentrantLock();
    private final Condition arrived = queue.newCondition();
    private final List<Thread> runners = new ArrayList<>();
    private final int dimension;
    /**
     * The vectors of recent texts, and of texts being embedded right now: the index feeder and need matching
     * both embed each new contact, and whichever asks second waits for the first one's run instead of running
     * the model again.
     */
    private final Map<String, CompletableFuture<float[]>> recent = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<float[]>> eldest) {
            return size() > CACHE_SIZE;
        }
    };
    /** Set once by {@link #close()}; texts offered after it are refused instead of waiting for a runner. */
    private volatile boolean closed;
    private final java.util.concurrent.atomic.AtomicLong computed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong runs = new java.util.concurrent.atomic.AtomicLong();

    OnnxEmbedder(Model model, int threads) {
        EnvironmentHold.take();
        this.name = model.setting;
        this.meanPooling = model.meanPooling;
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // One thread per run: runs in parallel beat threads fighting over one run (measured, docs/matching.md).
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
        this.dimension = run(List.of("dimension probe"))[0].length;
        for (int i = 0; i < Math.max(threads, 1); i++) {
            runners.add(Thread.ofPlatform().name("embed-" + i).daemon().start(this::serve));
        }
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
        if (closed) {
            throw new IllegalStateException(CLOSED);
        }
        List<CompletableFuture<float[]>> vectors = new ArrayList<>(texts.size());
        List<Pending> queued = new ArrayList<>();
        synchronized (recent) {
            for (String raw : texts) {
                String text = clip(raw);
                CompletableFuture<float[]> known = recent.get(text);
                if (known == null) {
                    known = new CompletableFuture<>();
                    recent.put(text, known);
                    queued.add(new Pending(text, known));
                }
                vectors.add(known);
            }
        }
        if (!queued.isEmpty()) {
            // a run pads every text to its longest one: texts of about the same length share runs
            queued.sort(java.util.Comparator.comparingInt(p -> p.text().length()));
            queue.lock();
            try {
                if (closed) {
                    IllegalStateException refused = new IllegalStateException(CLOSED);
                    synchronized (recent) {
                        queued.forEach(p -> recent.remove(p.text(), p.vector()));
                    }
                    queued.forEach(p -> p.vector().completeExceptionally(refused));
                } else {
                    waiting.addAll(queued);
                    arrived.signalAll();
                }
            } finally {
                queue.unlock();
            }
        }
        return vectors.stream().map(OnnxEmbedder::result).toList();
    }

    @Override
    public long computed() {
        return computed.get();
    }

    /** Model runs since start, each over one batch of texts. */
    long runs() {
        return runs.get();
    }

    /** A runner: takes the texts waiting (at least one, at most a batch), embeds them in one run, repeats. */
    private void serve() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (!Thread.currentThread().isInterrupted()) {
            queue.lock();
            try {
                while (waiting.isEmpty()) {
                    arrived.await();
                }
                while (!waiting.isEmpty() && batch.size() < MAX_BATCH) {
                    batch.add(waiting.poll());
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                queue.unlock();
            }
            try {
                float[][] vectors = run(batch.stream().map(Pending::text).toList());
                computed.addAndGet(vectors.length);
                runs.incrementAndGet();
                for (int i = 0; i < vectors.length; i++) {
                    batch.get(i).vector().complete(vectors[i]);
                }
            } catch (RuntimeException | Error e) {
                synchronized (recent) {
                    batch.forEach(p -> recent.remove(p.text(), p.vector()));
                }
                batch.forEach(p -> p.vector().completeExceptionally(e));
                if (e instanceof Error error) {
                    throw error;
                }
            }
            batch.clear();
        }
    }

    private static float[] result(CompletableFuture<float[]> run) {
        try {
            return run.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while embedding", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * One model run over several texts, each padded to the longest (the attention mask hides the
     * padding): their unit vectors, in order.
     */
    private float[][] run(List<String> texts) {
        Encoding[] encodings = new Encoding[texts.size()];
        int length = 1;
        for (int i = 0; i < encodings.length; i++) {
            encodings[i] = tokenizer.encode(texts.get(i));
            length = Math.max(length, encodings[i].getIds().length);
        }
        long[] ids = new long[encodings.length * length];
        long[] mask = new long[ids.length];
        long[] types = new long[ids.length];
        for (int i = 0; i < encodings.length; i++) {
            long[] own = encodings[i].getIds();
            System.arraycopy(own, 0, ids, i * length, own.length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, mask, i * length, own.length);
            System.arraycopy(encodings[i].getTypeIds(), 0, types, i * length, own.length);
        }
        long[] shape = { encodings.length, length };
        try (OnnxTensor idTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor maskTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape);
                OnnxTensor typeTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new java.util.HashMap<>();
            inputs.put("input_ids", idTensor);
            inputs.put("attention_mask", maskTensor);
            if (typeIds) {
                inputs.put("token_type_ids", typeTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] tokens = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[tokens.length][];
                for (int i = 0; i < tokens.length; i++) {
                    long[] own = java.util.Arrays.copyOfRange(mask, i * length, (i + 1) * length);
                    vectors[i] = normalized(meanPooling ? mean(tokens[i], own) : tokens[i][0]);
                }
                return vectors;
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
        queue.lock();
        try {
            closed = true;
        } finally {
            queue.unlock();
        }
        runners.forEach(Thread::interrupt);
        for (Thread runner : runners) {
            try {
                runner.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Pending> left;
        queue.lock();
        try {
            left = new ArrayList<>(waiting);
            waiting.clear();
        } finally {
            queue.unlock();
        }
        left.forEach(p -> p.vector().completeExceptionally(new IllegalStateException(CLOSED)));
        session.close();
        tokenizer.close();
    }
}

package io.repdesk.search.internal;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A JVM that exits while it embeds, closing its embedder in a slow shutdown hook as the application does.
 * {@link OnnxEmbedderShutdownTests} runs it and expects a clean exit.
 */
public final class EmbedderShutdownProbe {

    private EmbedderShutdownProbe() {
    }

    public static void main(String[] args) throws Exception {
        OnnxEmbedder embedder = new OnnxEmbedder(OnnxEmbedder.Model.MINILM_L6, 2);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // stands in for the application's close, which takes a while before it reaches the embedder
                Thread.sleep(1_500);
                embedder.close();
                System.out.println("embedder closed");
            } catch (Exception e) {
                System.out.println("close failed: " + e);
            }
        }));
        for (int t = 0; t < 3; t++) {
            Thread.ofPlatform().daemon().start(() -> {
                ThreadLocalRandom random = ThreadLocalRandom.current();
                while (true) {
                    // texts of many lengths, never repeated, so every call runs the model on a new shape
                    String text = "card " + random.nextLong() + " declined".repeat(1 + random.nextInt(40));
                    try {
                        embedder.embed(List.of(text, text + " again"));
                    } catch (IllegalStateException closed) {
                        return;
                    }
                }
            });
        }
        while (embedder.computed() < 20) {
            Thread.sleep(10); // until the model runs, so that the exit below starts in the middle of runs
        }
        System.out.println("exiting while embedding");
        System.exit(0);
    }
}

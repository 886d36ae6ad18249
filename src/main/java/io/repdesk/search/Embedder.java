package io.repdesk.search;

import java.util.List;

/** Turns texts into unit-length sentence vectors, in batches; may be unavailable (keyword-only mode). */
public interface Embedder {

    /** Vector length; 0 when no model is loaded. */
    int dimension();

    default boolean available() {
        return dimension() > 0;
    }

    /** One unit vector per text, in order. Throws {@link IllegalStateException} when unavailable. */
    List<float[]> embed(List<String> texts);

    default float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    /** Cosine similarity of two unit vectors. */
    static float cosine(float[] a, float[] b) {
        float dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
        }
        return dot;
    }
}

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

    /** Cosine similarity of two unit vectors: their dot product (four running sums for speed). */
    static float cosine(float[] a, float[] b) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        int i = 0;
        for (; i + 3 < a.length; i += 4) {
            s0 += a[i] * b[i];
            s1 += a[i + 1] * b[i + 1];
            s2 += a[i + 2] * b[i + 2];
            s3 += a[i + 3] * b[i + 3];
        }
        for (; i < a.length; i++) {
            s0 += a[i] * b[i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}

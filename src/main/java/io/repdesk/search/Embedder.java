package io.repdesk.search;

import java.util.List;

/** Turns texts into unit-length sentence vectors, in batches; may be unavailable (keyword-only mode). */
public interface Embedder {

    /** The model's name as configured ({@code none} without one); vectors of different models never mix. */
    String name();

    /** Vector length; 0 when no model is loaded. */
    int dimension();

    default boolean available() {
        return dimension() > 0;
    }

    /** One unit vector per text, in order. Throws {@link IllegalStateException} when unavailable. */
    List<float[]> embed(List<String> texts);

    /** How many texts the model has embedded since start; a text asked for again while remembered is not counted. */
    default long computed() {
        return 0;
    }

    default float[] embed(String text) {
        return embed(List.of(text)).getFirst();
    }

    /** Cosine similarity of two unit vectors: their dot product (SIMD where the vector module is on). */
    static float cosine(float[] a, float[] b) {
        return io.repdesk.search.internal.Vectors.dot(a, b);
    }
}

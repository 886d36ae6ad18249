package io.repdesk.search.internal;

import org.apache.lucene.util.VectorUtil;

/** Vector arithmetic on the CPU's SIMD units where the JDK's vector module is enabled (Lucene's kernels). */
public final class Vectors {

    private Vectors() {
    }

    /** Dot product of two vectors of equal length. */
    public static float dot(float[] a, float[] b) {
        return VectorUtil.dotProduct(a, b);
    }
}

package io.repdesk.search.internal;

import java.util.List;

import io.repdesk.search.Embedder;

/** Stands in when no embedding model could be loaded: search and matching fall back to BM25 alone. */
final class NoEmbedder implements Embedder {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public int dimension() {
        return 0;
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        throw new IllegalStateException("No embedding model is loaded; repdesk runs keyword-only");
    }
}

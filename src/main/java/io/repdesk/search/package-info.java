/**
 * The search projection: a Lucene index on local disk of every contact (BM25 text and an HNSW vector
 * from in-process sentence embeddings), kept current by tailing the journal. It is rebuilt from
 * PostgreSQL on demand; each app node keeps its own copy. Lucene and the embedding model stay inside
 * {@code search.internal}.
 */
@NullMarked
package io.repdesk.search;

import org.jspecify.annotations.NullMarked;

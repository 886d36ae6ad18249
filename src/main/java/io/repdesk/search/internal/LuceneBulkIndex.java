package io.repdesk.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.repdesk.search.BulkIndex;
import io.repdesk.search.ContactIndex.LabelListener;

/** {@link BulkIndex} on this node's Lucene index. */
@Component
class LuceneBulkIndex implements BulkIndex {

    private final LuceneContactIndex index;
    private final ObjectProvider<LabelListener> listeners;

    LuceneBulkIndex(LuceneContactIndex index, ObjectProvider<LabelListener> listeners) {
        this.index = index;
        this.listeners = listeners;
    }

    @Override
    public void add(List<Entry> entries) {
        try {
            for (Entry e : entries) {
                index.add(e.contactId(), e.caseId(), e.customerId(), e.occurredAt(), e.text(), e.vector(), e.needId(),
                        e.confirmed());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void finish() {
        try {
            index.mergeToOneSegment();
            index.commit(index.appliedSequence());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public long relearn() {
        return index.handOver(listeners.orderedStream().toList());
    }

    @Override
    public String vectorFormat() {
        return "hnsw-int" + LuceneContactIndex.QUANTIZED_BITS;
    }

    @Override
    public long bytesOnDisk() {
        try {
            return index.bytesOnDisk();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

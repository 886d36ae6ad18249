package io.repdesk.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.RepdeskIntegrationTest;

@RepdeskIntegrationTest
class JournalIntegrationTests {

    @Autowired
    Journal journal;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theApplicationsConnectionsCanNeitherChangeNorRemoveNorEmptyTheJournal() {
        UUID stream = UUID.randomUUID();
        transaction.executeWithoutResult(status -> journal.append("test", stream, "Kept", Map.of("n", 1)));
        long head = journal.head();

        assertThatThrownBy(() -> jdbc.sql("update journal_event set actor = 'someone else' where stream_id = ?")
                .param(stream).update()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_event where stream_id = ?").param(stream).update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate journal_event").update()).hasMessageContaining("append-only");

        assertThat(journal.head()).isGreaterThanOrEqualTo(head);
        assertThat(journal.forStream("test", stream)).singleElement()
                .satisfies(e -> assertThat(e.actor()).isEqualTo(Journal.SYSTEM_ACTOR));
    }

    @Test
    void aTailingReaderMissesNothingWhileManyTransactionsAppendAtOnce() throws Exception {
        UUID stream = UUID.randomUUID();
        long start = journal.head();
        AtomicBoolean writing = new AtomicBoolean(true);
        Set<Long> seen = new HashSet<>();
        List<Future<?>> writers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(6)) {
            for (int w = 0; w < 5; w++) {
                int writer = w;
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 40; i++) {
                        int n = i;
                        transaction.executeWithoutResult(status -> {
                            journal.append("test", stream, "Wrote", Map.of("writer", writer, "n", n));
                            journal.append("test", stream, "WroteAgain", Map.of("writer", writer, "n", n));
                        });
                    }
                }));
            }
            Future<?> reader = pool.submit(() -> {
                long applied = start;
                while (writing.get() || applied < journal.head()) {
                    for (JournalEntry e : journal.after(applied, 50)) {
                        applied = e.sequence();
                        if (e.streamId().equals(stream)) {
                            seen.add(e.sequence());
                        }
                    }
                }
            });
            for (Future<?> f : writers) {
                f.get();
            }
            writing.set(false);
            reader.get();
        }

        List<Long> written = journal.forStream("test", stream).stream().map(JournalEntry::sequence).toList();
        assertThat(written).hasSize(400);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(written);
    }

    @Test
    void aTransactionThatHasAppendedDoesNotHoldUpOthersUntilItCommits() throws Exception {
        UUID stream = UUID.randomUUID();
        try (ExecutorService other = Executors.newSingleThreadExecutor()) {
            List<Long> sequences = transaction.execute(status -> {
                journal.append("test", stream, "First", Map.of());
                // another transaction appends and commits while this one is still open
                Future<?> second = other.submit(() -> transaction.executeWithoutResult(
                        s -> journal.append("test", stream, "Second", Map.of())));
                try {
                    second.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                journal.append("test", stream, "Third", Map.of());
                return journal.forStream("test", stream).stream().map(JournalEntry::sequence).toList();
            });

            assertThat(sequences).hasSize(3);
            assertThat(journal.forStream("test", stream)).extracting(JournalEntry::type)
                    .containsExactly("Second", "First", "Third");
        }
    }

    @Test
    void aTransactionReadsItsOwnEntriesAndARolledBackOneLeavesNone() {
        UUID stream = UUID.randomUUID();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < PendingEntries.MAX_PENDING + 5; i++) {
                journal.append("test", stream, "Counted", Map.of("n", i));
            }
            assertThat(journal.countTypes("test", List.of(stream))).containsEntry("Counted",
                    (long) PendingEntries.MAX_PENDING + 5);
            status.setRollbackOnly();
        });

        assertThat(journal.forStream("test", stream)).isEmpty();
        transaction.executeWithoutResult(status -> {
            journal.append("test", stream, "Kept", Map.of("n", 1));
            journal.append("test", stream, "KeptToo", Map.of("n", 2));
        });
        assertThat(journal.forStream("test", stream)).extracting(JournalEntry::type).containsExactly("Kept", "KeptToo");
    }

    @Test
    void anAppendOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> journal.append("test", UUID.randomUUID(), "Loose", Map.of()))
                .isInstanceOf(IllegalTransactionStateException.class);
    }
}

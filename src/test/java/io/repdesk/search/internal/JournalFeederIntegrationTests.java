package io.repdesk.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.journal.Journal;
import io.repdesk.search.ContactIndex.LabelListener;
import io.repdesk.search.Embedder;
import io.repdesk.search.SearchSettings;
import io.repdesk.shared.CustomerId;
import tools.jackson.databind.json.JsonMapper;

/** A node's own index, fed from the shared test database's journal, crashed and reopened. */
@RepdeskIntegrationTest
class JournalFeederIntegrationTests {

    @Autowired
    Journal journal;

    @Autowired
    Embedder embedder;

    @Autowired
    JsonMapper json;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ApplicationContext context;

    @TempDir
    Path indexDir;

    @Test
    void stopsAfterTheWebServerHasFinishedItsRequests() {
        int feeder = context.getBean(JournalFeeder.class).getPhase();

        // lifecycle beans stop from the highest phase down, and all of them before any bean (the embedder) closes
        assertThat(feeder).isLessThan(context.getBean("webServerGracefulShutdown", SmartLifecycle.class).getPhase())
                .isLessThan(context.getBean("webServerStartStop", SmartLifecycle.class).getPhase());
    }

    @Test
    void stoppingLeavesTheRestOfABacklogToTheNextStartAndKeepsWhatWasFed() throws Exception {
        CustomerId customer = customers.register(new NewCustomer(null, "Backlog Tester",
                "backlog-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null)).id();
        for (int i = 0; i < 20; i++) {
            contacts.record(new NewContact(customer, null, Channel.CHAT, Direction.INBOUND,
                    Instant.parse("2026-10-31T13:00:00Z").plusSeconds(i), "Backlog " + i,
                    "My statement " + i + " shows a fee twice", null, null, null, null));
        }
        long head = journal.head();
        LuceneContactIndex index = new LuceneContactIndex(indexDir);
        // one entry per step, following the journal: the whole journal is a backlog of hundreds of steps
        JournalFeeder feeder = new JournalFeeder(journal, index, new LuceneArticleIndex(index, embedder,
                new LuceneHighlighter()), embedder, new SearchSettings(indexDir.toString(), null, 2,
                        Duration.ofMillis(50), 1, true, Duration.ofHours(1)), json,
                new StaticListableBeanFactory(Map.of()).getBeanProvider(LabelListener.class));

        feeder.start();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> index.appliedSequence() > 0);
        feeder.stop();

        long fed = index.appliedSequence();
        assertThat(feeder.isRunning()).isFalse();
        assertThat(fed).isLessThan(head);
        index.close();
        LuceneContactIndex reopened = new LuceneContactIndex(indexDir);
        assertThat(reopened.appliedSequence()).isEqualTo(fed);
        reopened.close();
    }

    @Test
    void catchesUpAfterACrashBetweenCommitAndIndexing() throws Exception {
        LuceneContactIndex before = new LuceneContactIndex(indexDir);
        JournalFeeder feeder = feeder(before);
        feeder.start();
        drain(feeder);
        long committed = before.appliedSequence();
        before.commit(committed);

        String marker = "zebracrossing" + UUID.randomUUID().toString().substring(0, 6);
        CustomerId customer = customers.register(new NewCustomer(null, "Crash Tester",
                "crash-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null)).id();
        for (int i = 0; i < 3; i++) {
            contacts.record(new NewContact(customer, null, Channel.CHAT, Direction.INBOUND,
                    Instant.parse("2026-10-31T12:00:00Z").plusSeconds(i), "Question " + i,
                    "The " + marker + " light is stuck, attempt " + i, null, null, null, null));
        }
        drain(feeder);
        assertThat(before.keyword(marker, 10)).hasSize(3);
        assertThat(before.appliedSequence()).isGreaterThan(committed);
        before.close(); // a crash: nothing after the last commit reaches the disk

        LuceneContactIndex after = new LuceneContactIndex(indexDir);
        assertThat(after.appliedSequence()).isEqualTo(committed);
        assertThat(after.keyword(marker, 10)).isEmpty();
        JournalFeeder resumed = feeder(after);
        resumed.start();
        long head = journal.head();
        drain(resumed);

        assertThat(after.keyword(marker, 10)).hasSize(3)
                .allSatisfy(hit -> assertThat(hit.needId()).isNull());
        assertThat(after.appliedSequence()).isGreaterThanOrEqualTo(head);
        assertThat(after.nearest(embedder.embed("the " + marker + " light is stuck"), 3))
                .anySatisfy(hit -> assertThat(hit.text()).contains(marker));
        after.close();
    }

    @Test
    void anIndexBuiltFromAnotherDatabaseIsRebuilt() throws Exception {
        LuceneContactIndex index = new LuceneContactIndex(indexDir);
        index.clear(UUID.randomUUID().toString());
        index.commit(Long.MAX_VALUE / 2);
        JournalFeeder feeder = feeder(index);

        feeder.start();
        long head = journal.head();
        drain(feeder);

        assertThat(index.appliedSequence()).isGreaterThanOrEqualTo(head).isLessThan(Long.MAX_VALUE / 2);
        assertThat(index.origin()).isEqualTo(journal.origin() + "@" + embedder.name());
        index.close();
    }

    @Test
    void anIndexBuiltWithAnotherEmbeddingModelIsRebuilt() throws Exception {
        LuceneContactIndex index = new LuceneContactIndex(indexDir);
        index.clear(journal.origin() + "@another-model");
        index.commit(Long.MAX_VALUE / 2);
        JournalFeeder feeder = feeder(index);

        feeder.start();
        drain(feeder);

        assertThat(index.appliedSequence()).isLessThan(Long.MAX_VALUE / 2);
        assertThat(index.origin()).isEqualTo(journal.origin() + "@" + embedder.name());
        index.close();
    }

    private JournalFeeder feeder(LuceneContactIndex index) {
        SearchSettings settings = new SearchSettings(indexDir.toString(), null, 2, Duration.ofMillis(50), 256, false,
                Duration.ofHours(1));
        return new JournalFeeder(journal, index, new LuceneArticleIndex(index, embedder, new LuceneHighlighter()),
                embedder, settings, json,
                new StaticListableBeanFactory(Map.of()).getBeanProvider(LabelListener.class));
    }

    private static void drain(JournalFeeder feeder) throws Exception {
        while (feeder.feedOnce() > 0) {
            // until the index has applied the whole journal
        }
    }
}

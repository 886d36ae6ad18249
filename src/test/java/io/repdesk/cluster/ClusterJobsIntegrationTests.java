package io.repdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.journal.Journal;
import io.repdesk.shared.Periodic;
import tools.jackson.databind.json.JsonMapper;

/** Two nodes contending for one job's lease in the real database: one runs it, the other takes over. */
@RepdeskIntegrationTest
class ClusterJobsIntegrationTests {

    @Autowired
    JobLeases leases;

    @Autowired
    Journal journal;

    @Autowired
    JsonMapper json;

    private ClusterJobs node(String name) {
        ClusterJobs node = new ClusterJobs(leases, new ClusterSettings(name, Duration.ofSeconds(1)));
        node.start();
        return node;
    }

    @Test
    void oneOfTwoContendersHoldsTheLeaseUntilItGivesItUp() {
        ClusterJobs a = node("contender-a");
        ClusterJobs b = node("contender-b");
        try {
            assertThat(a.holds("contended")).isTrue();
            assertThat(b.holds("contended")).isFalse();
            assertThat(a.holder("contended")).contains("contender-a");

            a.leave("contended");

            assertThat(b.holds("contended")).isTrue();
            assertThat(a.holds("contended")).isFalse();
            assertThat(takers("contended")).containsExactly("contender-a", "contender-b");
        } finally {
            a.stop();
            b.stop();
        }
    }

    @Test
    void theJobRunsOnlyOnTheHolderAndMovesWhenTheHolderStops() {
        ClusterJobs a = node("runner-a");
        ClusterJobs b = node("runner-b");
        AtomicInteger runsOnA = new AtomicInteger();
        AtomicInteger runsOnB = new AtomicInteger();
        assertThat(a.holds("moving")).isTrue();
        Periodic onA = a.every("moving", Duration.ZERO, Duration.ofMillis(50), runsOnA::incrementAndGet);
        Periodic onB = b.every("moving", Duration.ZERO, Duration.ofMillis(50), runsOnB::incrementAndGet);
        try {
            // While a renews its lease, b never runs the job.
            await().atMost(Duration.ofSeconds(30)).until(() -> runsOnA.get() >= 40);
            assertThat(runsOnB.get()).isZero();

            onA.close();
            a.stop();
            int before = runsOnA.get();
            await().atMost(Duration.ofSeconds(30)).until(() -> runsOnB.get() >= 5);
            assertThat(runsOnA.get()).isEqualTo(before);
            assertThat(b.holder("moving")).contains("runner-b");
            assertThat(takers("moving")).containsExactly("runner-a", "runner-b");
        } finally {
            onB.close();
            b.stop();
        }
    }

    @Test
    void aLeaseNoLongerRenewedIsTakenOverOnceItExpires() {
        // A node took the lease and died without giving it up.
        assertThat(leases.hold("orphaned", "dead-node", Duration.ofSeconds(10))).isTrue();
        ClusterJobs b = node("survivor");
        AtomicInteger runs = new AtomicInteger();
        Periodic onB = b.every("orphaned", Duration.ZERO, Duration.ofMillis(50), runs::incrementAndGet);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> runs.get() >= 5);
            assertThat(b.holder("orphaned")).contains("survivor");
            assertThat(takers("orphaned")).containsExactly("dead-node", "survivor");
        } finally {
            onB.close();
            b.stop();
        }
    }

    @Test
    void aLeaseTimeToLiveUnderOneSecondIsRefusedNamingTheSetting() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ClusterSettings("x", Duration.ofMillis(10)))
                .hasMessageContaining("repdesk.cluster.lease-ttl");
    }

    private List<String> takers(String job) {
        return journal.forStream("cluster-job", JobLeases.streamId(job)).stream()
                .filter(e -> e.type().equals("JobLeaseTaken"))
                .map(e -> json.readTree(e.payload()).path("holder").asString()).toList();
    }
}

package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * The open cases per need that the inbox and the needs catalogue read are kept as cases open, move between needs,
 * resolve, reopen and merge, and stay the same when the changes are folded into the totals.
 */
@RepdeskIntegrationTest
class NeedOpenLoadIntegrationTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    Cases store;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    NeedManagement needs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactions;

    @Test
    void theOpenLoadFollowsEveryChangeOfACaseAndFoldingKeepsIt() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        NeedId gauges = need("gauges-" + suffix, "The tyre pressure gauge reads zero " + suffix);
        NeedId kettles = need("kettles-" + suffix, "The kettle descaler light stays on " + suffix);
        CustomerId customer = customer();
        assertTriageCounted();
        CaseId g1 = open(customer, gauges);
        CaseId g2 = open(customer, gauges);
        open(customer, gauges);
        CaseId k1 = open(customer, kettles);
        CaseId k2 = open(customer, kettles);
        assertLoad(gauges, 3, kettles, 2);

        cases.linkToNeed(g1, kettles);
        assertLoad(gauges, 2, kettles, 3);
        cases.changeStatus(k1, CaseStatus.RESOLVED);
        assertLoad(gauges, 2, kettles, 2);
        cases.changeStatus(k1, CaseStatus.OPEN);
        assertLoad(gauges, 2, kettles, 3);
        cases.merge(k2, g1);
        assertLoad(gauges, 2, kettles, 2);

        store.foldOpenLoad();
        assertThat(jdbc.sql("select count(*) from casework_need_open_delta where need_id in (?, ?)")
                .params(gauges.value(), kettles.value()).query(Long.class).single()).isZero();
        assertLoad(gauges, 2, kettles, 2);

        cases.changeStatus(k1, CaseStatus.RESOLVED);
        cases.changeStatus(g1, CaseStatus.RESOLVED);
        open(customer, gauges);
        assertLoad(gauges, 3, kettles, 0);
        store.foldOpenLoad();
        assertLoad(gauges, 3, kettles, 0);
        assertThat(jdbc.sql("select count(*) from casework_need_open_total where need_id = ?")
                .param(kettles.value()).query(Long.class).single()).as("a need left with no open case").isZero();
        cases.changeStatus(g2, CaseStatus.WAITING_ON_CUSTOMER);
        assertLoad(gauges, 3, kettles, 0);

        CaseId triaged = contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                Instant.now(), "Open load", "Open load " + UUID.randomUUID(), null, null, null, null)).contact()
                .caseId();
        assertTriageCounted();
        cases.changeStatus(triaged, CaseStatus.RESOLVED);
        assertLoad(gauges, 3, kettles, 0);
    }

    /** Both needs' open load as the inbox reads it, and as counting the open cases finds it. */
    private void assertLoad(NeedId first, long firstOpen, NeedId second, long secondOpen) {
        Map<NeedId, Long> load = cases.openLoadByNeed().stream()
                .collect(Collectors.toMap(NeedLoad::needId, NeedLoad::openCases));
        assertThat(load.getOrDefault(first, 0L)).isEqualTo(firstOpen).isEqualTo(counted(first));
        assertThat(load.getOrDefault(second, 0L)).isEqualTo(secondOpen).isEqualTo(counted(second));
        assertThat(load.values()).allMatch(n -> n > 0);
        assertTriageCounted();
    }

    /** The open cases in triage as the inbox reads them equal a count, in one snapshot (matching may run meanwhile). */
    private void assertTriageCounted() {
        var snapshot = new org.springframework.transaction.support.TransactionTemplate(transactions);
        snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        long[] kept = snapshot.execute(status -> new long[] { cases.openInTriage(), jdbc.sql(
                "select count(*) from casework_case where is_open and need_id is null").query(Long.class).single() });
        assertThat(kept[0]).as("open cases in triage").isEqualTo(kept[1]);
    }

    private long counted(NeedId need) {
        return jdbc.sql("select count(*) from casework_case where is_open and need_id = ?").param(need.value())
                .query(Long.class).single();
    }

    private NeedId need(String key, String title) {
        return needs.define(new NewNeed(key, title, "", DemandClass.ROUTINE, null)).id();
    }

    private CaseId open(CustomerId customer, NeedId need) {
        return contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND, Instant.now(),
                "Open load", "Open load " + UUID.randomUUID(), null, null, need, null)).contact().caseId();
    }

    private CustomerId customer() {
        return customers.register(new NewCustomer(null, "Load Tester", "load-" + UUID.randomUUID() + "@example.test",
                EnvironmentProfile.unknown(), null)).id();
    }
}

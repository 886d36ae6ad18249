package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;

@RepdeskIntegrationTest
class UpgradeWarningIntegrationTests {

    @Autowired
    UpgradeWarnings warnings;

    @Autowired
    ProactiveNotices notices;

    @Autowired
    NeedEvidence evidence;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    Journal journal;

    @Test
    void theFirstCustomersOnANewVersionHittingANeedFasterRaiseAWarningForThoseAboutToUpgrade() {
        String product = "Upgraded " + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> newest = Cohorts.register(customers, product, "Android", "5.3", "Business", 20);
        List<Customer> previous = Cohorts.register(customers, product, "Android", "5.2", "Business", 40);
        List<Customer> older = Cohorts.register(customers, product, "Android", "5.1", "Business", 30);
        ServiceNeed need = Cohorts.need(needs, "The app crashes on start");
        Instant recently = Instant.now().minus(Duration.ofDays(2));
        newest.subList(0, 8).forEach(c -> Cohorts.contact(contacts, cases, c, need, recently, "Crash on start"));
        previous.subList(0, 2).forEach(c -> Cohorts.contact(contacts, cases, c, need, recently, "Crash on start"));
        Cohorts.contact(contacts, cases, older.getFirst(), need, recently, "Crash on start");
        customers.setNoticeOptOut(previous.get(2).id(), true);
        customers.setNoticeOptOut(previous.get(3).id(), true);

        List<UpgradeWarning> found = warnings.of(need.id());

        assertThat(found).hasSize(1);
        UpgradeWarning w = found.getFirst();
        assertThat(w.label()).isEqualTo("Android 5.3");
        assertThat(w.previousLabel()).isEqualTo("Android 5.2");
        assertThat(w.affected()).isEqualTo(8);
        assertThat(w.customers()).isEqualTo(20);
        assertThat(w.othersAffected()).isEqualTo(3);
        assertThat(w.othersCustomers()).isEqualTo(70);
        assertThat(w.rate()).isEqualTo(0.4);
        assertThat(w.othersRate()).isCloseTo(3.0 / 70, within(1e-9));
        assertThat(w.lift()).isCloseTo(0.4 / (3.0 / 70), within(1e-9));
        assertThat(warnings.current()).extracting(UpgradeWarning::needId).contains(need.id());

        NoticePreview preview = notices.preview(need.id(), w.previousCohort());
        assertThat(preview.cohortSize()).isEqualTo(40);
        assertThat(preview.alreadyAffected()).isEqualTo(2);
        assertThat(preview.optedOut()).isEqualTo(2);
        assertThat(preview.recipients()).isEqualTo(36);
        assertThat(journal.forStream("prevent", need.id().value()))
                .filteredOn(e -> e.type().equals("UpgradeWarningRaised")).hasSize(1);

        Evidence e = evidence.of(need.id());
        assertThat(e.upgradeWarnings()).containsExactly(w);
        assertThat(EvidenceExport.upgradeWarningsCsv(e)).contains(product + ",Android,5.3,5.2,8,20,0.4000,3,70,");
        assertThat(EvidenceExport.markdown(e)).contains("## Early warning for upgrades")
                .contains("| Android 5.3 | 8 of 20 (40.0%) | Android 5.2 | 3 of 70 (4.3%) | 9.3 |");
    }

    @Test
    void aCustomerCountsUnderTheVersionTheyRanWhenTheyContactedUs() {
        String product = "Moved on " + UUID.randomUUID().toString().substring(0, 6);
        Cohorts.register(customers, product, "Android", "7.3", "Business", 20);
        List<Customer> previous = Cohorts.register(customers, product, "Android", "7.2", "Business", 40);
        ServiceNeed need = Cohorts.need(needs, "Notifications stopped");
        Instant recently = Instant.now().minus(Duration.ofDays(2));
        previous.subList(0, 8).forEach(c -> Cohorts.contact(contacts, cases, c, need, recently, "No notifications"));
        for (Customer c : previous.subList(0, 8)) {
            EnvironmentProfile was = c.environment();
            customers.changeEnvironment(c.id(), new EnvironmentProfile(product, "7.3", "Android", was.plan(),
                    was.region(), was.attributes()), recently.plus(Duration.ofDays(1)));
        }

        assertThat(warnings.of(need.id())).isEmpty();
    }

    @Test
    void noWarningWhenEveryVersionHitsTheNeedAtTheSameRate() {
        String product = "Steady " + UUID.randomUUID().toString().substring(0, 6);
        List<Customer> newest = Cohorts.register(customers, product, "iOS", "5.3", "Business", 30);
        List<Customer> previous = Cohorts.register(customers, product, "iOS", "5.2", "Business", 60);
        ServiceNeed need = Cohorts.need(needs, "Statements are late");
        Instant recently = Instant.now().minus(Duration.ofDays(1));
        newest.subList(0, 3).forEach(c -> Cohorts.contact(contacts, cases, c, need, recently, "Late statement"));
        previous.subList(0, 6).forEach(c -> Cohorts.contact(contacts, cases, c, need, recently, "Late statement"));

        assertThat(warnings.of(need.id())).isEmpty();
        assertThat(warnings.current()).extracting(UpgradeWarning::needId).doesNotContain(need.id());
    }
}

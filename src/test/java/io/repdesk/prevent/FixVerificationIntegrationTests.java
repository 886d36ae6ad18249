package io.repdesk.prevent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.journal.Journal;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.InvalidInput;

@RepdeskIntegrationTest
class FixVerificationIntegrationTests {

    static final Instant START = Instant.parse("2026-12-01T09:00:00Z");

    @Autowired
    PreventManagement prevent;

    @Autowired
    FixVerification verification;

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

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void aFixReleaseLeadsToVerifiedEliminationAfterTheWindowAndDemandReturningReopensIt() {
        clock.pin(START);
        String product = product();
        List<Customer> old = Cohorts.register(customers, product, "Android", "5.2", "Business", 6);
        List<Customer> upgraded = Cohorts.register(customers, product, "Android", "5.3", "Business", 4);
        ServiceNeed need = Cohorts.need(needs, "Card screen freezes");
        old.forEach(c -> Cohorts.contact(contacts, cases, c, need, clock.instant(), "The card screen freezes"));
        prevent.handOff(need.id(), "eli.engineer", "https://issues.example.com/APP-17");
        FixVersion fix = prevent.expectFix(need.id(), product, "Android", "5.3");
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.PREVENT);

        clock.advance(Duration.ofDays(1));
        prevent.releaseFix(need.id(), fix.id(), null);
        clock.advance(Duration.ofDays(2));
        Cohorts.contact(contacts, cases, old.getFirst(), need, clock.instant(), "Still freezing on my old app");
        assertThat(verification.check(need.id())).isEqualTo(Verification.VERIFYING);
        clock.advance(Duration.ofDays(13));

        assertThat(verification.check(need.id())).isEqualTo(Verification.VERIFIED_ELIMINATED);
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.ELIMINATED);
        assertThat(prevent.handoff(need.id()).verdict()).contains("No case from the").contains("Android 5.3")
                .contains("1 cases from customers on older versions");
        assertThat(journal.forStream("prevent", need.id().value())).extracting(e -> e.type())
                .contains("NeedHandedOff", "FixVersionExpected", "FixVersionReleased", "NeedVerifiedEliminated");

        clock.advance(Duration.ofDays(1));
        old.subList(1, 4).forEach(c -> Cohorts.contact(contacts, cases, c, need, clock.instant(), "Frozen again"));
        assertThat(verification.check(need.id())).isEqualTo(Verification.REOPENED);
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.PREVENT);
        assertThat(upgraded).hasSize(4);
    }

    @Test
    void aCaseFromACustomerOnTheFixedVersionRaisesARegressionAlert() {
        clock.pin(START);
        String product = product();
        List<Customer> old = Cohorts.register(customers, product, "Android", "5.2", "Business", 3);
        List<Customer> upgraded = Cohorts.register(customers, product, "Android", "5.3.1", "Business", 2);
        ServiceNeed need = Cohorts.need(needs, "Top-up button does nothing");
        old.forEach(c -> Cohorts.contact(contacts, cases, c, need, clock.instant(), "Top-up does nothing"));
        prevent.handOff(need.id(), "eli.engineer", null);
        FixVersion fix = prevent.expectFix(need.id(), null, "Android", "5.3");
        prevent.releaseFix(need.id(), fix.id(), null);
        clock.advance(Duration.ofDays(2));

        Cohorts.contact(contacts, cases, upgraded.getFirst(), need, clock.instant(), "Top-up broken after update");

        assertThat(verification.check(need.id())).isEqualTo(Verification.REGRESSION);
        assertThat(prevent.handoff(need.id()).verdict()).startsWith("Regression: 1 cases from 1 customers");
        clock.advance(Duration.ofDays(20));
        assertThat(verification.check(need.id())).isEqualTo(Verification.REGRESSION);
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.PREVENT);
    }

    @Test
    void aCustomerWhoContactedOn52AndLaterUpgradedToTheFixed53IsNoRegressionUntilTheyContactAgainOn53() {
        clock.pin(START);
        String product = product();
        Customer customer = Cohorts.register(customers, product, "Android", "5.2", "Business", 3).getFirst();
        ServiceNeed need = Cohorts.need(needs, "Balance shows zero");
        prevent.handOff(need.id(), "eli.engineer", null);
        FixVersion fix = prevent.expectFix(need.id(), product, "Android", "5.3");
        prevent.releaseFix(need.id(), fix.id(), null);
        clock.advance(Duration.ofDays(1));
        Cohorts.contact(contacts, cases, customer, need, clock.instant(), "My balance shows zero");
        clock.advance(Duration.ofDays(2));
        EnvironmentProfile was = customer.environment();
        customers.changeEnvironment(customer.id(), new EnvironmentProfile(product, "5.3", "Android", was.plan(),
                was.region(), was.attributes()), clock.instant());

        assertThat(verification.check(need.id())).isEqualTo(Verification.VERIFYING);
        assertThat(journal.forStream("customer", customer.id().value())).extracting(e -> e.type())
                .contains("CustomerEnvironmentChanged");

        clock.advance(Duration.ofDays(1));
        Cohorts.contact(contacts, cases, customer, need, clock.instant(), "Zero again after the update");
        assertThat(verification.check(need.id())).isEqualTo(Verification.REGRESSION);
        assertThat(prevent.handoff(need.id()).verdict()).startsWith("Regression: 1 cases from 1 customers");
    }

    @Test
    void refusesAHandOffWithoutOwnerOrWithABadIssueLinkNamingTheField() {
        ServiceNeed need = Cohorts.need(needs, "Statement PDF is blank");
        assertThatThrownBy(() -> prevent.handOff(need.id(), " ", null)).isInstanceOf(InvalidInput.class)
                .extracting(e -> ((InvalidInput) e).field()).isEqualTo("owner");
        assertThatThrownBy(() -> prevent.handOff(need.id(), "eli", "javascript:alert(1)"))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("issueUrl");
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.RESPOND);
    }

    @Test
    void theDemoHasNeedsInEveryStageWithTheVirtualCardFixVerified() {
        for (LifecycleStage stage : LifecycleStage.values()) {
            assertThat(needs.list(new io.repdesk.need.NeedFilter(stage, null, null), io.repdesk.shared.PageRequest
                    .first(1)).total()).as(stage.name()).isPositive();
        }
        var virtualCard = needs.byKey("virtual_card_not_working").orElseThrow();
        assertThat(virtualCard.stage()).isEqualTo(LifecycleStage.ELIMINATED);
        assertThat(prevent.handoff(virtualCard.id()).verdict()).contains("No case from the 12 customers on fixed "
                + "versions (Lumen app web 2026.12)");
        assertThat(prevent.handoff(needs.byKey("contactless_not_working").orElseThrow().id()).verification())
                .isEqualTo(Verification.AWAITING_FIX);
    }

    private static String product() {
        return "Fixable " + UUID.randomUUID().toString().substring(0, 6);
    }
}

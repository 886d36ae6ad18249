package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;

@RepdeskIntegrationTest
class CaseReopeningIntegrationTests {

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    CaseActivity activity;

    @Test
    void aCustomerReplyTakesACaseWaitingOnThemBackToOpen() {
        CustomerId customer = customer();
        CaseId caseId = message(customer, null, Instant.now(), "Export button does nothing").caseId();
        cases.changeStatus(caseId, CaseStatus.WAITING_ON_CUSTOMER);

        message(customer, caseId, Instant.now().plusSeconds(60), "Here is the screenshot you asked for");

        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
        assertThat(activity.of(caseId)).extracting(CaseActivity.Entry::kind).containsExactly(CaseActivity.Kind.OPENED,
                CaseActivity.Kind.CUSTOMER_MESSAGE, CaseActivity.Kind.STATUS, CaseActivity.Kind.CUSTOMER_MESSAGE,
                CaseActivity.Kind.STATUS);
        assertThat(activity.of(caseId).getLast().status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aReplySoonAfterResolutionReopensTheCase() {
        CustomerId customer = customer();
        CaseId caseId = message(customer, null, Instant.now(), "Invoice shows the wrong VAT rate").caseId();
        cases.changeStatus(caseId, CaseStatus.RESOLVED);

        message(customer, caseId, Instant.now().plus(Duration.ofDays(2)), "Still wrong on the new invoice");

        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.OPEN);
    }

    @Test
    void aReplyAfterTheReopenWindowOpensANewCase() {
        CustomerId customer = customer();
        CaseId caseId = message(customer, null, Instant.now(), "Cannot add a second admin").caseId();
        cases.changeStatus(caseId, CaseStatus.RESOLVED);

        CaseId followUp = message(customer, caseId, Instant.now().plus(Duration.ofDays(30)),
                "Now I cannot remove the second admin").caseId();

        assertThat(followUp).isNotEqualTo(caseId);
        assertThat(cases.get(caseId).status()).isEqualTo(CaseStatus.RESOLVED);
        assertThat(cases.get(followUp).status()).isEqualTo(CaseStatus.NEW);
    }

    private io.repdesk.contact.Contact message(CustomerId customer, CaseId caseId, Instant at, String text) {
        return contacts.record(new NewContact(customer, caseId, Channel.EMAIL, Direction.INBOUND, at, text, text, null,
                null, null, null)).contact();
    }

    private CustomerId customer() {
        return customers.register(new NewCustomer(null, "Reopen Tester", "reopen-" + UUID.randomUUID() + "@example.test",
                EnvironmentProfile.unknown(), null)).id();
    }
}

package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;

@RepdeskIntegrationTest
class CaseMergeIntegrationTests {

    @Autowired
    CaseManagement cases;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Test
    void aDuplicateMergedIntoAnotherCaseLosesNothingAndBothReferencesResolve() {
        CustomerId customer = customer();
        CaseId kept = message(customer, null, "Export to CSV fails").caseId();
        CaseId duplicate = message(customer, null, "CSV export error again").caseId();
        String duplicateReference = cases.get(duplicate).reference();

        cases.merge(duplicate, kept);

        SupportCase merged = cases.byReference(duplicateReference);
        assertThat(merged.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(merged.mergedInto()).isEqualTo(kept);
        assertThat(contacts.forCase(kept)).extracting(Contact::subject)
                .containsExactlyInAnyOrder("Export to CSV fails", "CSV export error again");
        Contact later = message(customer, duplicate, "Any news on the export?");
        assertThat(later.caseId()).isEqualTo(kept);
        assertThat(contacts.forCase(kept)).hasSize(3);
    }

    @Test
    void onlyOneCustomersOpenCasesMerge() {
        CaseId mine = message(customer(), null, "Password reset mail missing").caseId();
        CaseId theirs = message(customer(), null, "Password reset mail missing too").caseId();

        assertThatThrownBy(() -> cases.merge(mine, theirs)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("another customer");
        assertThatThrownBy(() -> cases.merge(mine, mine)).isInstanceOf(InvalidInput.class)
                .hasMessageContaining("itself");
    }

    private Contact message(CustomerId customer, CaseId caseId, String text) {
        return contacts.record(new NewContact(customer, caseId, Channel.EMAIL, Direction.INBOUND, Instant.now(), text,
                text, null, null, null, null)).contact();
    }

    private CustomerId customer() {
        return customers.register(new NewCustomer(null, "Merge Tester", "merge-" + UUID.randomUUID() + "@example.test",
                EnvironmentProfile.unknown(), null)).id();
    }
}

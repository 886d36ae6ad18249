package io.repdesk.need;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;

@RepdeskIntegrationTest
class NeedMergeIntegrationTests {

    @Autowired
    NeedManagement needs;

    @Autowired
    CaseManagement cases;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    Journal journal;

    @Test
    void mergingMovesTheCasesAndKeepsTheMergedNeedInTheHistory() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        ServiceNeed doorbell = needs.define(new NewNeed("doorbell-" + suffix, "My doorbell camera is offline", "",
                DemandClass.UNCLASSIFIED, null));
        ServiceNeed camera = needs.define(new NewNeed("camera-" + suffix, "My door camera lost its connection", "",
                DemandClass.UNCLASSIFIED, null));
        CaseId first = linkedCase("The doorbell camera shows offline since this morning", doorbell);
        CaseId second = linkedCase("Doorbell cam keeps going offline", doorbell);

        needs.merge(doorbell.id(), camera.id());

        assertThat(cases.get(first).needId()).isEqualTo(camera.id());
        assertThat(cases.get(second).needId()).isEqualTo(camera.id());
        assertThat(cases.get(first).needConfirmed()).isTrue();
        assertThat(needs.get(doorbell.id()).mergedInto()).isEqualTo(camera.id());
        assertThat(needs.all()).extracting(ServiceNeed::id).doesNotContain(doorbell.id()).contains(camera.id());
        assertThat(journal.forStream("need", doorbell.id().value())).extracting(JournalEntry::type)
                .contains("NeedMerged");
        assertThat(journal.forStream("case", first.value()).getLast().payload()).contains("merge");
        assertThatThrownBy(() -> needs.merge(doorbell.id(), camera.id())).isInstanceOf(Conflict.class);
    }

    private CaseId linkedCase(String text, ServiceNeed need) {
        var customer = customers.register(new NewCustomer(null, "Merge Tester", "merge-" + UUID.randomUUID()
                + "@example.test", EnvironmentProfile.unknown(), null)).id();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("agent", null, List.of()));
        try {
            return contacts.record(new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                    Instant.parse("2026-10-30T12:00:00Z"), text, text, null, null, need.id(), null)).contact().caseId();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

package io.repdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.PageRequest;

@RepdeskIntegrationTest
class ContactManagementIntegrationTests {

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void concurrentDeliveriesOfOneKeyStoreOneContactAndOneCase() throws Exception {
        CustomerId customer = newCustomer();
        NewContact delivery = new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                Instant.parse("2026-10-30T08:00:00Z"), "Top-up failed", "My top-up failed twice", null,
                "<message-" + UUID.randomUUID() + "@mail.example>", null, null);
        List<Callable<Recorded>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> contacts.record(delivery));
        }

        List<Recorded> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (Future<Recorded> f : pool.invokeAll(attempts)) {
                results.add(f.get());
            }
        }

        assertThat(results).filteredOn(r -> !r.duplicate()).hasSize(1);
        assertThat(results).extracting(r -> r.contact().id()).containsOnly(results.getFirst().contact().id());
        assertThat(contacts.timeline(customer, PageRequest.first(10)).total()).isEqualTo(1);
    }

    @Test
    void withoutAKeyTheSameContentAtTheSameMomentIsOneContact() {
        CustomerId customer = newCustomer();
        NewContact delivery = new NewContact(customer, null, Channel.API, Direction.INBOUND,
                Instant.parse("2026-10-30T09:00:00Z"), "Hello", "Same words", null, null, null, null);

        Recorded first = contacts.record(delivery);
        Recorded second = contacts.record(delivery);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.contact().id()).isEqualTo(first.contact().id());
        assertThat(first.contact().author()).isEqualTo(customers.get(customer).email());
    }

    @Test
    void recordedContactsAndTheJournalCannotBeChanged() {
        CustomerId customer = newCustomer();
        Recorded recorded = contacts.record(new NewContact(customer, null, Channel.CHAT, Direction.INBOUND,
                Instant.parse("2026-10-30T10:00:00Z"), "Hi", "Body", null, null, null, null));

        assertThatThrownBy(() -> jdbc.sql("update contact_contact set body = 'changed' where id = ?")
                .param(recorded.contact().id().value()).update()).hasMessageContaining("immutable");
        assertThatThrownBy(() -> jdbc.sql("delete from journal_event where stream_id = ?")
                .param(recorded.contact().id().value()).update()).hasMessageContaining("append-only");
        assertThat(contacts.get(recorded.contact().id()).body()).isEqualTo("Body");
    }

    private CustomerId newCustomer() {
        return customers.register(new NewCustomer(null, "Concurrent Customer",
                "c-" + UUID.randomUUID() + "@example.test",
                new EnvironmentProfile("Lumen app", "5.2", "iOS", "Plus", "UK", Map.of()), null)).id();
    }
}

package io.repdesk.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CustomerId;

@RepdeskIntegrationTest
class AttachmentIntegrationTests {

    @Autowired
    ContactManagement contacts;

    @Autowired
    AttachmentStore store;

    @Autowired
    CustomerManagement customers;

    @Test
    void filesAreKeptOnceByContentAndARedeliveryAttachesNothingTwice() throws Exception {
        CustomerId customer = customer();
        byte[] screenshot = ("PNG-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        StoredFile file = store.store("screen.png", screenshot);
        assertThat(store.store("copy.png", screenshot)).isEqualTo(file);
        NewContact delivery = new NewContact(customer, null, Channel.EMAIL, Direction.INBOUND,
                Instant.parse("2026-11-02T09:00:00Z"), "App crashes", "See the screenshot", null,
                "attach-" + UUID.randomUUID(), null, null);
        Enclosures carried = new Enclosures("<p>See the <b>screenshot</b></p>",
                List.of(new NewAttachment("screen.png", "image/png", file, null, false)), null);

        Recorded first = contacts.record(delivery, carried);
        Recorded again = contacts.record(delivery, carried);

        assertThat(again.duplicate()).isTrue();
        List<Attachment> attached = contacts.attachments(first.contact().id());
        assertThat(attached).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("screen.png");
            assertThat(a.size()).isEqualTo(screenshot.length);
        });
        assertThat(contacts.attachmentsOfCase(first.contact().caseId())).hasSize(1);
        assertThat(contacts.html(first.contact().id())).contains("<p>See the <b>screenshot</b></p>");
        try (InputStream in = store.open(file.sha256())) {
            assertThat(in.readAllBytes()).isEqualTo(screenshot);
        }
    }

    @Test
    void aFileOverTheLimitIsRefusedAndNothingIsKept() {
        long limit = store.maxBytes();
        InputStream tooBig = new InputStream() {
            long left = limit + 1;

            @Override
            public int read() {
                return left-- > 0 ? 'x' : -1;
            }
        };

        assertThatThrownBy(() -> store.store("huge.bin", tooBig)).isInstanceOf(AttachmentTooLarge.class)
                .hasMessageContaining("huge.bin");
    }

    private CustomerId customer() {
        return customers.register(new NewCustomer(null, "Attaching Customer", "a-" + UUID.randomUUID() + "@example.test",
                new EnvironmentProfile("Lumen app", "5.2", "Android", "Plus", "UK", Map.of()), null)).id();
    }
}

package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.PageRequest;

/** An agent's reply on the case page goes out by email; an outage shows on the case and in the outbox. */
@RepdeskIntegrationTest
class EmailReplyBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TestMail mail;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browsers.browser().newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void aReplyHeldUpByAnSmtpOutageIsSentAgainFromTheOutboxAndReachesTheCustomerOnce() {
        String subject = "Card frozen " + UUID.randomUUID().toString().substring(0, 8);
        Customer customer = customers.register(new NewCustomer(null, "Robin Mailer",
                "robin-" + UUID.randomUUID() + "@customer.test",
                new EnvironmentProfile("Lumen app", "5.2", "iOS", "Plus", "UK", Map.of()), null));
        var question = contacts.record(new NewContact(customer.id(), null, Channel.EMAIL, Direction.INBOUND,
                Instant.now().minusSeconds(300), subject, "My card is frozen since this morning", null, null,
                null, null));
        String reference = cases.get(question.contact().caseId()).reference();
        Browsers.signIn(page, url(""), "admin", "repdesk-demo");

        mail.stop();
        try {
            page.navigate(url("/cases/" + reference));
            page.locator("#reply-body").fill("We unfroze the card; please try again.");
            page.getByText("Send reply").click();
            assertThat(page.locator(".notice")).containsText("Reply sent");
            Locator delivery = page.locator("article.contact.outbound .delivery").last();
            assertThat(delivery).containsText("Waiting to be emailed to " + customer.email());

            dispatchUntilAttempted(subject);
            page.reload();
            assertThat(page.locator("article.contact.outbound .delivery").last()).containsText("Not emailed yet");
        } finally {
            mail.restart();
        }

        page.navigate(url("/admin/outbox?status=PENDING"));
        Locator row = page.locator("table.outbox tr", new Page.LocatorOptions().setHasText(customer.email()));
        assertThat(row).containsText(reference);
        row.getByText("Send again").click();
        assertThat(page.locator(".notice")).containsText("back in line");
        sendAll();

        page.navigate(url("/cases/" + reference));
        assertThat(page.locator("article.contact.outbound .delivery").last())
                .containsText("Emailed to " + customer.email());
        assertThat(mail.receivedBy(customer.email())).hasSize(1);
        page.navigate(url("/admin/outbox?status=SENT"));
        assertThat(page.locator("table.outbox tr", new Page.LocatorOptions().setHasText(customer.email())))
                .containsText("Sent");
    }

    private void dispatchUntilAttempted(String subject) {
        for (int pass = 0; pass < 10_000; pass++) {
            outbox.dispatchDue();
            boolean attempted = outbox.list(null, PageRequest.first(200)).items().stream()
                    .anyMatch(m -> m.attempts() > 0 && m.pending() && m.subject().contains(subject));
            if (attempted) {
                return;
            }
        }
        throw new AssertionError("the reply's mail was never attempted");
    }

    private void sendAll() {
        for (int pass = 0; pass < 1_000 && outbox.dispatchDue() > 0; pass++) {
            // Mail queued by other tests may take several passes.
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

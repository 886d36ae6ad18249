package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.contact.Recorded;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;

/** The customer page puts every contact on every channel on one timeline, with its case and need. */
@RepdeskIntegrationTest
class CustomerTimelineBrowserTests {

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
    NeedManagement needs;

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

    @Test
    void everyChannelShowsInOrderWithItsCaseAndNeedAndCanBeNarrowedToOne() {
        Customer customer = customers.register(new NewCustomer(null, "Tali Timeline",
                "tali-" + UUID.randomUUID() + "@customer.test",
                new EnvironmentProfile("Lumen app", "5.2", "iOS", "Plus", "UK", Map.of()), null));
        ServiceNeed need = needs.all().getFirst();
        Recorded email = contacts.record(contact(customer, Channel.EMAIL, "2026-11-20T09:00:00Z", "Card declined", null,
                need));
        Recorded portal = contacts.record(contact(customer, Channel.PORTAL, "2026-11-21T10:00:00Z",
                "Where is my statement?", null, null));
        contacts.record(contact(customer, Channel.CHAT, "2026-11-22T11:00:00Z", "Still declined",
                email.contact().caseId(), null));
        String emailCase = cases.get(email.contact().caseId()).reference();
        String portalCase = cases.get(portal.contact().caseId()).reference();

        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "agent", "repdesk-demo");
            page.navigate(url("/customers/" + customer.id()));

            Locator entries = page.locator("ol.timeline li");
            assertThat(entries).hasCount(3);
            assertThat(entries.nth(0)).containsText("Chat inbound");
            assertThat(entries.nth(0)).containsText(emailCase);
            assertThat(entries.nth(0).locator("a.need")).hasText(need.title());
            assertThat(entries.nth(1)).containsText("Portal inbound");
            assertThat(entries.nth(1)).containsText(portalCase);
            assertThat(entries.nth(1).locator(".need")).hasText("triage");
            assertThat(entries.nth(2)).containsText("Email inbound");

            page.locator("nav.filters").getByText("Portal").click();
            assertThat(page.locator("ol.timeline li")).hasCount(1);
            assertThat(page.locator("ol.timeline li")).containsText("Where is my statement?");
        }
    }

    private static NewContact contact(Customer customer, Channel channel, String at, String subject,
            @Nullable CaseId caseId, @Nullable ServiceNeed need) {
        return new NewContact(customer.id(), caseId, channel, Direction.INBOUND, Instant.parse(at), subject, subject + ", says the customer", null, null,
                need == null ? null : need.id(), null);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

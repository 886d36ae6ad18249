package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import io.repdesk.TestClock;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;

/**
 * The audit view in the browser: a change an agent makes shows on the case page's history with who made it and
 * the value before and after; the full history pages of the case, its customer and a need list the journal's
 * entries, and a read-only account manager reads them too.
 */
@RepdeskIntegrationTest
class HistoryBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    TestClock clock;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

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
    void anAgentsChangeShowsInTheHistoryWithWhoAndBeforeAndAfterAndViewersReadEveryHistoryPageByPage() {
        Customer customer = customers.register(new NewCustomer(null, "Audited Customer",
                "audited-" + UUID.randomUUID() + "@example.test", new EnvironmentProfile(null, null, null, null, null,
                        Map.of()), null));
        Contact contact = contacts.record(new NewContact(customer.id(), null, Channel.EMAIL, Direction.INBOUND,
                clock.instant(), "Statement download fails", "The PDF statement does not download.", null, null, null,
                null)).contact();
        String reference = cases.get(contact.caseId()).reference();

        Browsers.signIn(page, base(), "agent", "repdesk-demo");
        page.navigate(base() + "/cases/" + reference);
        page.locator("#priority").selectOption("URGENT");
        page.locator("#priority").locator("xpath=ancestor::form").locator("button[type=submit]").click();

        Locator change = page.locator("section.history table.audit tr[data-type=CasePriorityChanged]");
        assertThat(change.locator("td.actor")).hasText("agent");
        assertThat(change.locator("ul.changes")).containsText("priority: NORMAL → URGENT");
        assertThat(page.locator("section.history table.audit tr[data-type=ContactRecorded]")).hasCount(1);

        context.clearCookies();
        Browsers.signIn(page, base(), "ari.accounts", "repdesk-demo");
        page.navigate(base() + "/cases/" + reference);
        page.locator("section.history a.full-history").click();
        assertThat(page.locator("h1")).containsText("History of " + reference);
        assertThat(page.locator("table.audit tr[data-type=CasePriorityChanged] ul.changes"))
                .containsText("NORMAL → URGENT");
        assertThat(page.locator("table.audit tr[data-type=CaseOpened] td.actor")).hasText("repdesk");

        page.navigate(base() + "/customers/" + customer.id());
        page.locator("section.history a.full-history").click();
        assertThat(page.locator("table.audit tr[data-type=CustomerRegistered]")).hasCount(1);
        assertThat(page.locator("table.audit tr[data-type=CasePriorityChanged]")).hasCount(1);

        ServiceNeed need = needs.define(new NewNeed("audited-" + UUID.randomUUID(), "Statements do not download",
                "The PDF statement does not download.", DemandClass.UNCLASSIFIED, null), clock.instant());
        needs.publishWorkaround(need.id(), "Open the statement in the web app.");
        page.navigate(base() + "/needs/" + need.id());
        Locator workaround = page.locator("section.history table.audit tr[data-type=NeedWorkaroundPublished]");
        assertThat(workaround.locator("ul.changes")).containsText("workaround: — → Open the statement in the web app.");
        assertThat(page.locator("section.history table.audit tr[data-type=NeedStageChanged] ul.changes"))
                .containsText("stage: RESPOND → EMPOWER");

        for (int i = 0; i < HistoryController.PER_PAGE; i++) {
            contacts.record(new NewContact(customer.id(), contact.caseId(), Channel.EMAIL, Direction.INBOUND,
                    clock.instant(), "Re: Statement download fails", "Still failing, try " + i, null, null, null,
                    null));
        }
        page.navigate(base() + "/cases/" + reference + "/history");
        assertThat(page.locator("table.audit tr[data-type=CaseOpened]")).hasCount(0);
        page.locator("nav.pager a", new Page.LocatorOptions().setHasText("Older")).click();
        assertThat(page.locator("table.audit tr[data-type=CaseOpened] td.actor")).hasText("repdesk");
        page.locator("nav.pager a", new Page.LocatorOptions().setHasText("Newer")).click();
        assertThat(page.locator("table.audit tr[data-type=ContactRecorded]")).hasCount(HistoryController.PER_PAGE);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}

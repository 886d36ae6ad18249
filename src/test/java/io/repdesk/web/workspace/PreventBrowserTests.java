package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.contact.Channel;
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
 * A manager reads a need's evidence (the planted Android 5.2 value flagged, both charts drawn), hands the need to
 * engineering, records the fix version and its release, finds it on the Prevent board, and notifies the cohort.
 */
@RepdeskIntegrationTest
class PreventBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    NeedManagement needs;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

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
    void aManagerReadsTheEvidenceHandsTheNeedOffTracksTheFixAndNotifiesTheCohort() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String product = "Board " + suffix;
        ServiceNeed need = needs.define(new NewNeed("board_" + suffix, "The balance screen stays blank " + suffix, "",
                DemandClass.VALUE_ERODING, "Pull down to refresh the balance."));
        Customer last = null;
        for (int i = 0; i < 20; i++) {
            Customer c = customers.register(new NewCustomer(null, "Board user " + i, "board-" + suffix + "-" + i
                    + "@example.com", new EnvironmentProfile(product, "5.2", "Android", "Business", "EU", Map.of()),
                    null));
            if (i < 8) {
                contacts.record(new NewContact(c.id(), null, Channel.EMAIL, Direction.INBOUND, Instant.now(),
                        "Blank balance", "My balance screen is blank since the update", null, null, need.id(), null));
            }
            last = c;
        }

        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "manager", "repdesk-demo");
            page.navigate(url("/needs/" + need.id()));
            page.locator("#evidence-link").click();
            assertThat(page.locator("#evidence-customers")).hasText("8");
            assertThat(page.locator("tr.significant[data-key='version=Android 5.2']")).isVisible();
            assertThat(page.locator("#lift-chart[data-ready=true]")).hasCount(1);
            assertThat(page.locator("#volume-chart[data-ready=true]")).hasCount(1);
            String brief = page.request().get(url(page.locator("#export-md").getAttribute("href"))).text();
            org.assertj.core.api.Assertions.assertThat(brief).contains("| version | Android 5.2 | 100% |");
            String table = page.request().get(url(page.locator("#export-csv").getAttribute("href"))).text();
            org.assertj.core.api.Assertions.assertThat(table).startsWith("field,value,affected_customers")
                    .contains("version,Android 5.2,8,");
            String dataset = page.request().get(url(page.locator("#export-json").getAttribute("href"))).text();
            org.assertj.core.api.Assertions.assertThat(dataset).contains("\"customers\":8");

            page.locator("#owner").fill(" ");
            page.locator("#hand-off").click();
            assertThat(page.locator("#owner-error")).containsText("owner");
            page.locator("#owner").fill("eli.engineer");
            page.locator("#issue-url").fill("https://issues.example.com/APP-" + suffix);
            page.locator("#hand-off").click();
            assertThat(page.locator("#handoff-owner")).hasText("eli.engineer");
            assertThat(page.locator("#verification")).hasText("Awaiting fix");
            page.locator("#fix-platform").fill("Android");
            page.locator("#fix-version").fill("5.3");
            page.locator("#add-fix").click();
            page.locator("tr[data-version='Android 5.3'] .release-fix").click();
            assertThat(page.locator("#verification")).hasText("Verifying");

            page.locator("nav a", new Page.LocatorOptions().setHasText("Prevent")).click();
            var row = page.locator("tr[data-need='" + need.id() + "']");
            assertThat(row.locator(".owner")).hasText("eli.engineer");
            assertThat(row.locator(".fix-versions")).containsText("Android 5.3 (released)");
            assertThat(row.locator(".verification")).hasText("Verifying");

            row.locator("a").first().click();
            page.locator("#notify-cohort").click();
            page.locator("input[name=cohort][value='version=Android 5.2']").check();
            page.locator("#cohort-other").fill("product=" + product);
            page.locator("#preview-cohort").click();
            assertThat(page.locator("#reach")).containsText("12 of 20 customers in the cohort: 8 contacted us");
            assertThat(page.locator("table.recipients tbody tr")).hasCount(12);
            assertThat(page.locator("#body")).containsText("Pull down to refresh the balance.");
            page.locator("#send-notice").click();
            assertThat(page.locator(".notice")).containsText("Notice sent to 12 customers");
            assertThat(page.locator("table.notices tbody tr")).containsText(new String[] { "version=Android 5.2" });

            page.navigate(url("/customers/" + last.id()));
            assertThat(page.locator("#notice-preference")).hasText("Receives proactive notices.");
            page.locator("#toggle-notices").click();
            assertThat(page.locator("#notice-preference")).hasText("Opted out of proactive notices.");
            org.assertj.core.api.Assertions.assertThat(customers.optedOutOfNotices(last.id())).isTrue();

            // The customer upgraded: the agent records the new version and the day it changed.
            page.locator("#environment summary").click();
            page.locator("#environment input[name=version]").fill("Android 5.3");
            page.locator("#environment input[name=changedOn]").fill("2999-01-01");
            page.locator("#save-environment").click();
            assertThat(page.locator("#environment .error")).hasText("The day it changed must not be in the future.");
            assertThat(page.locator("#environment input[name=version]")).hasValue("Android 5.3");
            page.locator("#environment input[name=changedOn]").fill(java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .minusDays(3).toString());
            page.locator("#save-environment").click();
            assertThat(page.locator(".notice")).containsText("Environment saved.");
            assertThat(page.locator("dl.environment")).containsText("Android 5.3");
            org.assertj.core.api.Assertions.assertThat(customers.get(last.id()).environment().version())
                    .isEqualTo("Android 5.3");
        }
    }

    @Test
    void theBoardWarnsOfANewVersionAndItsButtonPrefillsANoticeToCustomersOnThePreviousVersion() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String product = "Upgrade " + suffix;
        ServiceNeed need = needs.define(new NewNeed("upgrade_" + suffix, "Sign-in loops after the update " + suffix,
                "", DemandClass.VALUE_ERODING, null));
        for (int i = 0; i < 40; i++) {
            String version = i < 10 ? "5.3" : "5.2";
            Customer c = customers.register(new NewCustomer(null, "Upgrade user " + i, "upgrade-" + suffix + "-" + i
                    + "@example.com", new EnvironmentProfile(product, version, "iOS", "Business", "EU", Map.of()),
                    null));
            if (i < 6 || i == 10) {
                contacts.record(new NewContact(c.id(), null, Channel.EMAIL, Direction.INBOUND, Instant.now(),
                        "Sign-in loop", "I cannot sign in since the update", null, null, need.id(), null));
            }
        }

        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "manager", "repdesk-demo");
            page.navigate(url("/prevent"));
            var row = page.locator("table.upgrade-warnings tr[data-need='" + need.id() + "']");
            assertThat(row).hasAttribute("data-version", "iOS 5.3");
            assertThat(row.locator(".rate-new")).hasText("60.0 % (6 of 10)");
            assertThat(row.locator(".rate-others")).hasText("3.3 % (1 of 30)");
            assertThat(row.locator(".lift")).hasText("18.0");
            row.locator(".warn-previous").click();
            assertThat(page.locator("input[type=checkbox][value='version=iOS 5.2']")).isChecked();
            assertThat(page.locator("input[type=checkbox][value='product=" + product + "']")).isChecked();
            assertThat(page.locator("#reach")).containsText("29 of 30 customers in the cohort: 1 contacted us");

            page.navigate(url("/needs/" + need.id() + "/evidence"));
            assertThat(page.locator("table.upgrade-warnings .warn-previous")).hasText("Warn customers on iOS 5.2");
            String upgrades = page.request().get(url(page.locator("#export-upgrades").getAttribute("href"))).text();
            org.assertj.core.api.Assertions.assertThat(upgrades)
                    .startsWith("product,platform,version,previous_version").contains(product + ",iOS,5.3,5.2,6,10,0.6000,1,30,");
            String brief = page.request().get(url(page.locator("#export-md").getAttribute("href"))).text();
            org.assertj.core.api.Assertions.assertThat(brief).contains("## Early warning for upgrades")
                    .contains("| iOS 5.3 | 6 of 10 (60.0%) | iOS 5.2 | 1 of 30 (3.3%) | 18.0 |");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

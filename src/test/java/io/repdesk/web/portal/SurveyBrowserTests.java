package io.repdesk.web.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.insight.RollupProjector;
import io.repdesk.need.NeedManagement;

/**
 * A customer opens the survey link mailed after resolution in headless Chromium, chooses 4 with a comment and
 * sends it; a manager then finds the answer on the teams dashboard and on the customer's page.
 */
@RepdeskIntegrationTest
class SurveyBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    EscalationManagement escalation;

    @Autowired
    NeedManagement needs;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TestMail mail;

    @Autowired
    TestClock clock;

    @Autowired
    RollupProjector projector;

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
    void aCustomerAnswersTheSurveyFromTheMailAndTheManagerSeesItOnTheTeamsDashboard() throws Exception {
        SurveyCases.Resolved resolved = SurveyCases.resolve(customers, needs, contacts, cases, escalation, clock);
        Matcher link = SurveyCases.LINK.matcher(SurveyCases.plainText(
                SurveyCases.invitations(outbox, mail, resolved.customer()).getFirst()));
        assertThat(link.find()).isTrue();

        try (BrowserContext customer = browsers.browser().newContext()) {
            Page page = customer.newPage();
            page.navigate("http://localhost:" + port + link.group());
            assertThat(page.locator("h1")).hasText("How did we do?");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            assertThat(page.locator("#score-error")).containsText("Score is required");
            page.getByLabel("4 – Satisfied").check();
            page.getByLabel("Comment").fill("Quick and friendly");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send")).click();
            assertThat(page.locator("#survey-thanks")).hasText("Thank you: your answer was recorded.");
            assertThat(page.locator("#survey-score")).hasText("4 of 5");
            assertThat(page.locator("#survey-comment-given")).hasText("Quick and friendly");
        }

        projector.catchUp();
        try (BrowserContext manager = browsers.browser().newContext()) {
            Page page = manager.newPage();
            String base = "http://localhost:" + port;
            Browsers.signIn(page, base, "manager", "repdesk-demo");
            page.navigate(base + "/insight/teams");
            assertThat(page.locator("canvas#scores-chart")).hasAttribute("data-ready", "true");
            assertThat(page.locator("#satisfaction-needs-table")).containsText(resolved.need().title());
            assertThat(page.locator("#satisfaction-needs-table tr", new Page.LocatorOptions()
                    .setHasText(resolved.need().title()))).containsText("100.0%");
            assertThat(page.locator("#satisfaction-teams-table")).containsText(resolved.team().name());
            page.navigate(base + "/customers/" + resolved.customer().id().value());
            assertThat(page.locator("#satisfaction")).hasText("4.0 of 5 (1 answer)");
        }
    }
}

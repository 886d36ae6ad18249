package io.repdesk.web.insight;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.insight.RollupProjector;

/** Opens each dashboard on the demo data in headless Chromium and checks that its charts are drawn with data. */
@RepdeskIntegrationTest
class DashboardBrowserTests {

    /** The demo data's range (the demo's today is 2026-11-01). */
    static final String RANGE = "from=2025-11-01&to=2026-11-30";

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    RollupProjector projector;

    @Autowired
    JdbcClient jdbc;

    BrowserContext context;
    Page page;
    List<String> consoleErrors = new ArrayList<>();

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
        projector.catchUp();
        context = browsers.browser().newContext();
        page = context.newPage();
        page.onConsoleMessage(message -> {
            if (message.type().equals("error")) {
                consoleErrors.add(message.text());
            }
        });
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void aManagerFollowsTheDashboardsLinkAndSeesTheAssemblyLineChartsDrawnWithData() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Dashboards")).click();
        assertThat(page.locator("h1")).hasText("Assembly line");
        page.navigate(url("/insight/assembly-line?" + RANGE));
        for (String chart : List.of("needs-chart", "moves-chart", "time-chart", "work-chart", "flow-chart")) {
            assertThat(page.locator("canvas#" + chart)).hasAttribute("data-ready", "true");
        }
        for (String chart : List.of("needs-chart", "work-chart", "flow-chart")) {
            assertThat(Integer.parseInt(page.locator("canvas#" + chart).getAttribute("data-points")))
                    .as(chart + " has data").isPositive();
        }
        assertThat(page.locator("#work-table tbody tr").first()).not().containsText("No contacts");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theDemandDashboardDrawsContactsPerClassAndTheTeamLoad() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/insight/demand?" + RANGE));
        for (String chart : List.of("weeks-chart", "share-chart", "eroding-chart", "team-chart")) {
            assertThat(page.locator("canvas#" + chart)).hasAttribute("data-ready", "true");
        }
        for (String chart : List.of("weeks-chart", "share-chart", "team-chart")) {
            assertThat(Integer.parseInt(page.locator("canvas#" + chart).getAttribute("data-points")))
                    .as(chart + " has data").isPositive();
        }
        assertThat(page.locator("#classes-table tbody tr")).not().hasCount(0);
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theCustomersDashboardComparesOrganizationsWithTheirPeers() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/insight/customers?" + RANGE));
        assertThat(page.locator("canvas#peers-chart")).hasAttribute("data-ready", "true");
        assertThat(Integer.parseInt(page.locator("canvas#peers-chart").getAttribute("data-points"))).isPositive();
        assertThat(page.locator("#peers-table tbody tr").first()).not().containsText("No organizations");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void anAccountManagerSeesTheCustomerAtAGlanceBeforeARenewalCall() {
        Browsers.signIn(page, url(""), "ari.accounts", "repdesk-demo");
        assertThat(page.navigate(url("/insight/customers")).status()).as("dashboards need reports").isEqualTo(403);
        UUID customer = jdbc.sql("select customer_id from insight_case group by customer_id order by count(*) desc limit 1")
                .query(UUID.class).single();
        page.navigate(url("/customers/" + customer));
        assertThat(page.locator("#summary-heading")).hasText("At a glance");
        assertThat(page.locator("#needs-experienced tbody tr").first()).not().containsText("No cases yet");
    }

    @Test
    void theTeamsDashboardShowsSlaFirstContactResolutionAndBacklogPerTeamAndAgent() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/insight/teams?" + RANGE));
        assertThat(page.locator("canvas#teams-chart")).hasAttribute("data-ready", "true");
        assertThat(page.locator("#agents-table tbody tr").first()).not().containsText("No cases");
        APIResponse csv = page.request().get(url(page.locator("#agents-table + a.export").getAttribute("href")));
        assertThat(csv.text()).startsWith("agent,cases_opened,within_sla");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void theTeamsDashboardShowsTheSurveyAnswersTheDemoCustomersGave() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        // The demo's customers answered their surveys while the demo loaded, so the answers are dated today.
        page.navigate(url("/insight/teams?from=2025-11-01&to=" + java.time.LocalDate.now(java.time.ZoneOffset.UTC)));
        assertThat(page.locator("canvas#scores-chart")).hasAttribute("data-ready", "true");
        assertThat(Integer.parseInt(page.locator("canvas#scores-chart").getAttribute("data-points")))
                .as("scores-chart has data").isGreaterThan(1);
        assertThat(page.locator("#satisfaction-needs-table tbody tr").first()).not().containsText("No survey answered");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aManagerRecordsACreditWithItsReasonAndTheAccountManagerSeesItOnTheCustomer() {
        UUID customer = jdbc.sql("select customer_id from insight_customer order by customer_id desc limit 1")
                .query(UUID.class).single();
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/customers/" + customer));
        page.locator("#goodwill-amount").fill("lots");
        page.locator("#goodwill-reason").fill("Two days without exports");
        page.getByText("Record goodwill").click();
        assertThat(page.locator("#amount-error")).containsText("Amount must be a number");
        assertThat(page.locator("#goodwill-reason")).hasValue("Two days without exports");
        page.locator("#goodwill-amount").fill("25");
        page.getByText("Record goodwill").click();
        assertThat(page.locator("#goodwill-table")).containsText("Two days without exports");
        assertThat(page.locator("#goodwill-total")).containsText("25.00");
        context.clearCookies();
        Browsers.signIn(page, url(""), "ari.accounts", "repdesk-demo");
        page.navigate(url("/customers/" + customer));
        assertThat(page.locator("#goodwill-table")).containsText("Credit");
        assertThat(page.locator("form.goodwill-form")).hasCount(0);
    }

    @Test
    void anAgentMarksASuggestionAndTheListeningPostShowsItPerProductAreaWithAnExport() {
        UUID customer = jdbc.sql("select customer_id from insight_case group by customer_id order by count(*) desc limit 1")
                .query(UUID.class).single();
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/customers/" + customer));
        page.locator("form.mark-contact select").first().selectOption("SUGGESTION");
        page.locator("form.mark-contact button").first().click();
        assertThat(page.locator("form.mark-contact").first()).containsText("marked");
        page.navigate(url("/insight/listening?" + RANGE));
        assertThat(page.locator("canvas#trend-chart")).hasAttribute("data-ready", "true");
        assertThat(Integer.parseInt(page.locator("canvas#trend-chart").getAttribute("data-points"))).isPositive();
        assertThat(page.locator("#areas-table tbody")).containsText("SUGGESTION");
        APIResponse csv = page.request().get(url(page.locator("#contacts-table + a.export").getAttribute("href")));
        assertThat(csv.text()).startsWith("day,kind,product_area,version,need,excerpt,marked_by,contact_id");
        assertThat(csv.text()).contains("SUGGESTION");
        assertThat(consoleErrors).isEmpty();
    }

    @Test
    void eachDashboardTableExportsAsCsv() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/insight/assembly-line?" + RANGE));
        String href = page.locator("#work-table + a.export").getAttribute("href");
        APIResponse csv = page.request().get(url(href));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.headers().get("content-type")).startsWith("text/csv");
        assertThat(csv.text()).startsWith("stage,contacts,repeat_contacts,agent_minutes,cost,currency");
        assertThat(csv.text().lines().count()).isGreaterThan(1);
        page.navigate(url("/insight/demand?" + RANGE));
        APIResponse classes = page.request().get(url(page.locator("#classes-table + a.export").getAttribute("href")));
        assertThat(classes.text()).startsWith("demand_class,contacts,contact_share_percent");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsExplainedBesideTheField() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
        page.navigate(url("/insight/assembly-line?from=2026-11-20&to=2026-11-01&channel=FAX"));
        assertThat(page.locator("#to-error")).containsText("must not be before from");
        assertThat(page.locator(".filter-bar")).containsText("'FAX' is not one of");
    }

    @Test
    void anAgentWithoutReportsSeesNoDashboardsLink() {
        Browsers.signIn(page, url(""), "agent", "repdesk-demo");
        assertThat(page.locator("nav[aria-label=Main]")).not().containsText("Dashboards");
    }

    private String url(String path) {
        return path.startsWith("http") ? path : "http://localhost:" + port + path;
    }
}

package io.repdesk.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;

/** Drives the admin pages in headless Chromium: calendars, SLA policies and the SLA report. */
@RepdeskIntegrationTest
class SlaAdminBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

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
    void anAgentDefinesACalendarAndAPolicyOnItThenEditsThePolicyAndSeesItInTheReport() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String calendar = "Lisbon desk " + suffix;
        signIn();
        page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions().setName("Main"))
                .getByText("Admin").click();
        assertThat(page.locator("h1")).containsText("Business-hours calendars");

        page.getByText("New calendar").click();
        page.locator("#name").fill(calendar);
        page.locator("#zone").fill("Europe/Lisbon");
        page.locator("#hours-MONDAY").fill("09:00-12:00, 11:00-14:00");
        page.locator("#specialDays").fill("2026-12-25 closed\n2026-12-24 09:00-12:00");
        save();

        assertThat(page.locator("#hours-MONDAY-error")).containsText("overlap");
        assertThat(page.locator("#hours-MONDAY")).hasValue("09:00-12:00, 11:00-14:00");
        assertThat(page.locator("#name")).hasValue(calendar);
        assertThat(page.locator("#zone")).hasValue("Europe/Lisbon");
        assertThat(page.locator("#specialDays")).hasValue("2026-12-25 closed\n2026-12-24 09:00-12:00");
        assertThat(page.locator("#hours-TUESDAY")).hasValue("09:00-17:00");

        page.locator("#hours-MONDAY").fill("09:00-12:00, 13:00-17:00");
        save();
        assertThat(page.locator(".notice")).containsText("Saved the calendar");
        Locator calendarRow = page.locator("table.calendars tr", new Page.LocatorOptions().setHasText(calendar));
        assertThat(calendarRow).containsText("Europe/Lisbon");
        assertThat(calendarRow).containsText("Tue–Fri 09:00-17:00");
        assertThat(calendarRow.locator("td.num").first()).hasText("1");

        page.locator(".admin-tabs").getByText("SLA policies").click();
        page.getByText("New SLA policy").click();
        String policy = "Lisbon gold " + suffix;
        page.locator("#name").fill(policy);
        page.locator("#kind").selectOption("INFORMAL");
        page.locator("#rank").fill("5");
        page.locator("#firstResponse-hours").fill("2");
        page.locator("#resolution-hours").fill("16");
        page.locator("#plan").fill("Gold-" + suffix);
        page.locator("#priority").selectOption("HIGH");
        page.locator("#channel").selectOption("EMAIL");
        page.locator("#needId").fill("card hasn");
        page.locator("#needId-options [role=option]", new Page.LocatorOptions().setHasText("My card hasn't arrived"))
                .click();
        save();

        assertThat(page.locator("#calendarId-error")).containsText("Choose the calendar");
        assertThat(page.locator("#needId")).hasValue("My card hasn't arrived");
        assertThat(page.locator("#name")).hasValue(policy);
        assertThat(page.locator("#firstResponse-hours")).hasValue("2");
        assertThat(page.locator("#plan")).hasValue("Gold-" + suffix);
        assertThat(page.locator("#priority")).hasValue("HIGH");

        page.locator("#calendarId").selectOption(new SelectOption().setLabel(calendar));
        save();
        assertThat(page.locator(".notice")).containsText("Saved the SLA policy");
        Locator policyRow = page.locator("table.policies tr", new Page.LocatorOptions().setHasText(policy));
        assertThat(policyRow).containsText("Informal");
        assertThat(policyRow).containsText(calendar);
        assertThat(policyRow.locator("td.target").first()).hasText("2 h");
        assertThat(policyRow).containsText("16 h");
        assertThat(policyRow).containsText("plan Gold-" + suffix + ", priority high, channel email, need “My card"
                + " hasn't arrived”");
        String policyId = policyRow.getAttribute("data-id");

        policyRow.getByText(policy).click();
        assertThat(page.locator("#resolution-hours")).hasValue("16");
        page.locator("#firstResponse-minutes").fill("30");
        page.locator("#active").uncheck();
        save();
        assertThat(policyRow.locator("td.target").first()).hasText("2 h 30 min");
        assertThat(policyRow.locator("td").last()).hasText("No");

        consoleErrors.clear(); // refused forms answer 422, which Chromium logs; the report page must log nothing
        page.locator(".admin-tabs").getByText("SLA report").click();
        assertThat(page.locator("h1")).hasText("SLA report");
        assertThat(page.locator("canvas#sla-chart")).hasAttribute("data-ready", "true");
        Locator reportRow = page.locator("tr[data-policy='" + policyId + "'][data-target=FIRST_RESPONSE]");
        assertThat(reportRow).containsText(policy);
        assertThat(reportRow.locator("td.figure")).hasCount(9);
        org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
    }

    @Test
    void aReportRangeThatEndsBeforeItStartsIsExplainedBesideTheField() {
        signIn();
        page.navigate(url("/admin/sla-report?from=2026-11-30&to=2026-11-01"));

        assertThat(page.locator("#to-error")).containsText("must not be before");
        assertThat(page.locator("#to")).hasValue("2026-11-01");
        assertThat(page.locator("canvas#sla-chart")).hasCount(0);
    }

    @Test
    void theAdminPagesAskWhoIsThereFirst() {
        page.navigate(url("/admin/sla-policies"));

        assertThat(page).hasURL(url("/login"));
    }

    private void save() {
        page.locator("form.admin-form button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
    }

    private void signIn() {
        Browsers.signIn(page, url(""), "manager", "repdesk-demo");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

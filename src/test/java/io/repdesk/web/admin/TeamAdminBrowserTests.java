package io.repdesk.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

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
import com.microsoft.playwright.options.LoadState;
import com.microsoft.playwright.options.SelectOption;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;

/** Drives the team and escalation rule admin pages in headless Chromium. */
@RepdeskIntegrationTest
class TeamAdminBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

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
    void anAdminDefinesATeamAndARuleThatEscalatesToItThenEditsTheRule() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String team = "Tier 2 crew " + suffix;
        signIn();
        page.navigate(url("/admin/calendars"));
        page.locator(".admin-tabs").getByText("Teams").click();
        assertThat(page.locator("h1")).containsText("Teams");

        page.getByText("New team").click();
        page.locator("#name").fill(team);
        page.locator("#tier").selectOption("TIER_2");
        page.locator("#assignment").selectOption("ROUND_ROBIN");
        member("agent").locator("input[name=member]").check();
        member("agent").locator("input[name=available]").check();
        member("sam.tier2").locator("input[name=member]").check();
        save();
        assertThat(page.locator(".notice")).containsText("Saved the team");
        Locator teamRow = page.locator("table.teams tr", new Page.LocatorOptions().setHasText(team));
        assertThat(teamRow).containsText("Tier 2");
        assertThat(teamRow).containsText("Round robin");
        assertThat(teamRow.locator("td.members")).hasText("agent (available), sam.tier2 (away)");

        page.locator(".admin-tabs").getByText("Escalation rules").click();
        page.getByText("New escalation rule").click();
        String rule = "Stuck in triage " + suffix;
        page.locator("#name").fill(rule);
        page.locator("#rank").fill("7");
        page.locator("#trigger").selectOption("NEED_UNKNOWN");
        page.locator("#needUnknownHours").fill("4");
        page.locator("#plan").fill("Gold-" + suffix);
        page.locator("#toTier").selectOption("TIER_3");
        page.locator("#toTeamId").selectOption(new SelectOption().setLabel(team + " (Tier 2)"));
        page.locator("#mandatory-true").check();
        save();

        assertThat(page.locator("#toTeamId-error")).containsText(team + " works tier 2, not tier 3");
        assertThat(page.locator("#name")).hasValue(rule);
        assertThat(page.locator("#rank")).hasValue("7");
        assertThat(page.locator("#trigger")).hasValue("NEED_UNKNOWN");
        assertThat(page.locator("#needUnknownHours")).hasValue("4");
        assertThat(page.locator("#plan")).hasValue("Gold-" + suffix);
        assertThat(page.locator("#toTier")).hasValue("TIER_3");
        assertThat(page.locator("#mandatory-true")).isChecked();

        page.locator("#toTier").selectOption("TIER_2");
        save();
        assertThat(page.locator(".notice")).containsText("Saved the escalation rule");
        Locator ruleRow = page.locator("table.escalation-rules tr", new Page.LocatorOptions().setHasText(rule));
        assertThat(ruleRow.locator("td.num")).hasText("7");
        assertThat(ruleRow.locator("td.trigger")).hasText("Need unknown after 4 h");
        assertThat(ruleRow.locator("td.plan")).hasText("Gold-" + suffix);
        assertThat(ruleRow.locator("td.to")).hasText("Tier 2 · " + team);
        assertThat(ruleRow.locator("td.how")).hasText("Must");

        ruleRow.getByText(rule).click();
        assertThat(page.locator("#needUnknownHours")).hasValue("4");
        page.locator("#needUnknownHours").fill("8");
        page.locator("#mandatory-false").check();
        page.locator("#active").uncheck();
        save();
        assertThat(ruleRow.locator("td.trigger")).hasText("Need unknown after 8 h");
        assertThat(ruleRow.locator("td.how")).hasText("Can");
        assertThat(ruleRow.locator("td").last()).hasText("No");

        page.locator(".admin-tabs").getByText("Teams").click();
        assertThat(teamRow).containsText("sam.tier2 (away)");
    }

    @Test
    void theTeamPagesAskWhoIsThereFirst() {
        page.navigate(url("/admin/teams"));

        assertThat(page).hasURL(url("/login"));
    }

    private Locator member(String username) {
        return page.locator("tr[data-agent='" + username + "']");
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

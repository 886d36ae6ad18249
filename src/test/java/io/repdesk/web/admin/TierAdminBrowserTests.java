package io.repdesk.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.Tier;
import io.repdesk.casework.TierLevel;
import io.repdesk.casework.TierManagement;

/** An admin names the support levels; the names show wherever levels do, and a level in use stays in use. */
@RepdeskIntegrationTest
class TierAdminBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    TierManagement tiers;

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

    @AfterEach
    void restoreNames() {
        tiers.define(List.of(new TierLevel(Tier.TIER_2, "Tier 2", "Specialists", true)));
    }

    @Test
    void anAdminRenamesALevelAndCannotSwitchOffOneATeamWorks() {
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "manager", "repdesk-demo");
            page.navigate(url("/admin/calendars"));
            page.locator(".admin-tabs").getByText("Support levels").click();
            assertThat(page.locator("h1")).hasText("Support levels");

            page.locator("#name-TIER_2").fill("Specialists");
            page.getByText("Save").click();
            assertThat(page.locator(".notice")).containsText("Saved the support levels");
            assertThat(page.locator("#name-TIER_2")).hasValue("Specialists");

            page.navigate(url("/admin/teams"));
            assertThat(page.locator("table.teams tr", new Page.LocatorOptions().setHasText("Payments specialists")))
                    .containsText("Specialists");

            page.navigate(url("/admin/tiers"));
            page.locator("#name-TIER_3").fill("Experts");
            page.locator("#inUse-TIER_2").uncheck();
            page.getByText("Save").click();
            assertThat(page.locator("tr[data-tier=TIER_2] .error")).containsText("team Payments specialists works it");
            assertThat(page.locator("#name-TIER_3")).hasValue("Experts");
            assertThat(page.locator("#inUse-TIER_2")).not().isChecked();
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

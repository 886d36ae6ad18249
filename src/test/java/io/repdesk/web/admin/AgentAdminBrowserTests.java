package io.repdesk.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.shared.PageRequest;

/**
 * An admin creates an account manager's account; the account manager reads cases but is offered no way to
 * change them, sees no admin pages, and is refused when going to one directly.
 */
@RepdeskIntegrationTest
class AgentAdminBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    CaseManagement cases;

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
    void anAdminGivesAnAccountARoleAndTheRoleDecidesWhatItsHolderSeesAndMayDo() {
        String username = "ari-" + UUID.randomUUID().toString().substring(0, 6);
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "admin", "repdesk-demo");
            page.locator("header nav").getByText("Admin").click();
            page.locator(".admin-tabs").getByText("Agents").click();
            assertThat(page.locator("h1")).hasText("Agents");

            page.locator("#username").fill(username);
            page.locator("#displayName").fill("Ari Accounts");
            page.locator("#role").selectOption("ACCOUNT_MANAGER");
            page.locator("#password").fill("short");
            page.getByText("Create account").click();
            assertThat(page.locator("form.new-agent .error")).containsText("Password must be at least 12 characters");
            assertThat(page.locator("#username")).hasValue(username);

            page.locator("#password").fill("account-manager-1");
            page.getByText("Create account").click();
            assertThat(page.locator(".notice")).containsText("Created the account " + username);
            assertThat(page.locator("tr[data-agent=" + username + "] select[name=role]")).hasValue("ACCOUNT_MANAGER");

            page.locator("tr[data-agent=admin] select[name=role]").selectOption("MANAGER");
            page.locator("tr[data-agent=admin] form.agent button").click();
            assertThat(page.locator("tr[data-agent=admin] .error")).containsText("last enabled admin");
        }

        String reference = cases.list(CaseFilter.openInTriage(), PageRequest.first(1)).items().getFirst().reference();
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), username, "account-manager-1");
            assertThat(page.locator("header .who")).hasText(username);
            assertThat(page.locator("header nav")).not().containsText("Admin");

            page.navigate(url("/cases/" + reference));
            assertThat(page.locator("h1 .ref")).hasText(reference);
            assertThat(page.locator(".read-only")).containsText("your role does not");
            assertThat(page.locator("form.reply")).hasCount(0);
            assertThat(page.locator("form.escalate")).hasCount(0);

            Response refused = page.navigate(url("/admin/teams"));
            org.assertj.core.api.Assertions.assertThat(refused.status()).isEqualTo(403);
            assertThat(page.locator("h1")).hasText("Not allowed");
            assertThat(page.locator(".error")).containsText("configure support");
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package io.repdesk.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Drives the API token admin page in headless Chromium and uses the token it shows over real HTTP. */
@RepdeskIntegrationTest
class ApiTokenAdminBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    JsonMapper json;

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
        context = browsers.browser().newContext(new Browser.NewContextOptions()
                .setPermissions(List.of("clipboard-read", "clipboard-write")));
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void anAdminIssuesATokenThatRecordsContactsOnceEachThenRevokesIt() throws Exception {
        String name = "Chat widget " + UUID.randomUUID().toString().substring(0, 8);
        Browsers.signIn(page, url(""), "admin", "repdesk-demo");
        page.navigate(url("/admin/calendars"));
        page.locator(".admin-tabs").getByText("API tokens").click();
        assertThat(page.locator("h1")).containsText("API tokens");

        page.locator("#expires").fill("2020-01-01");
        issue();
        assertThat(page.locator("#name-error")).hasText("Name the integration the token is for");
        assertThat(page.locator("#scopes-error")).hasText("Check at least one scope");
        assertThat(page.locator("#expires-error")).containsText("today or later");
        assertThat(page.locator("#new-token")).hasCount(0);

        page.locator("#name").fill(name);
        page.locator("#expires").fill("");
        page.locator("input[name=scope][value='contacts:write']").check();
        issue();
        assertThat(page.locator(".notice")).containsText("Issued the token “" + name + "”");
        String token = page.locator("#new-token").textContent().strip();
        assertThat(token).startsWith("rdk_").hasSize(44);
        page.locator("button.copy").click();
        assertThat(page.locator("button.copy")).hasText("Copied");
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo(token);
        Locator row = page.locator("table.tokens tr", new Page.LocatorOptions().setHasText(name));
        assertThat(row.locator("td.scopes")).hasText("contacts:write");
        assertThat(row.locator("td.last-used")).hasText("never");
        assertThat(row.locator("td.state")).hasText("live");

        String customerId = customers.register(new NewCustomer(null, "Chat Person",
                "chat-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null)).id().toString();
        String key = "chat-session-" + UUID.randomUUID();
        HttpResponse<String> first = recordContact(token, customerId, key);
        HttpResponse<String> repeat = recordContact(token, customerId, key);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(repeat.statusCode()).isEqualTo(200);
        JsonNode stored = json.readTree(first.body()).path("contact");
        JsonNode again = json.readTree(repeat.body());
        assertThat(again.path("duplicate").asBoolean()).isTrue();
        assertThat(again.path("contact").path("id").asString()).isEqualTo(stored.path("id").asString());

        page.reload();
        assertThat(page.locator("#new-token")).hasCount(0);
        assertThat(row.locator("td.last-used")).not().hasText("never");

        row.locator("button.revoke").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".notice")).containsText("Revoked the token “" + name + "”");
        assertThat(row.locator("td.state")).hasText("revoked");
        assertThat(row.locator("button.revoke")).hasCount(0);

        HttpResponse<String> revoked = recordContact(token, customerId, key + "-after");
        assertThat(revoked.statusCode()).isEqualTo(401);
        assertThat(json.readTree(revoked.body()).path("detail").asString()).contains("revoked");
    }

    private void issue() {
        page.locator("#issue-token button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
    }

    private HttpResponse<String> recordContact(String token, String customerId, String key)
            throws IOException, InterruptedException {
        String body = json.writeValueAsString(Map.of("customerId", customerId, "channel", "CHAT",
                "subject", "Chat: my top-up failed", "body", "I tried twice and it failed both times"));
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(HttpRequest.newBuilder(URI.create(url("/api/v1/contacts")))
                    .header("Authorization", "Bearer " + token)
                    .header("Idempotency-Key", key)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

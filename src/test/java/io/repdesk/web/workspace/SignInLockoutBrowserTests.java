package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

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
import io.repdesk.TestClock;
import io.repdesk.security.AgentAccounts;
import io.repdesk.security.Role;

/**
 * Five wrong passwords in a row lock an agent account for fifteen minutes: the right password is refused
 * meanwhile, in the browser and over the API, the admin sees the lock, and after the lockout signing in works.
 */
@RepdeskIntegrationTest
class SignInLockoutBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    AgentAccounts agents;

    @Autowired
    TestClock clock;

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
    void releaseClock() {
        clock.release();
    }

    @Test
    void fiveWrongPasswordsLockTheAccountUntilTheLockoutEnds() throws Exception {
        clock.pin(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        String username = "lock-" + UUID.randomUUID().toString().substring(0, 6);
        String password = "the-right-password-1";
        agents.create(username, "Locked Out", Role.TIER_1_AGENT, password);

        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            for (int attempt = 1; attempt <= 4; attempt++) {
                Browsers.signIn(page, url(""), username, "wrong-password-" + attempt);
                assertThat(page.locator(".error")).hasText("Wrong username or password.");
            }
            Browsers.signIn(page, url(""), username, "wrong-password-5");
            Browsers.signIn(page, url(""), username, password);
            assertThat(page.locator(".error")).containsText("this account is locked");
            org.assertj.core.api.Assertions.assertThat(basic(username, password)).isEqualTo(401);
        }

        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "admin", "repdesk-demo");
            page.navigate(url("/admin/agents"));
            assertThat(page.locator("tr[data-agent=" + username + "] .locked")).containsText("locked until");
        }

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), username, password);
            assertThat(page.locator("header .who")).hasText(username);
        }
        org.assertj.core.api.Assertions.assertThat(basic(username, password)).isEqualTo(200);
    }

    private int basic(String username, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url("/api/v1/needs")))
                .header("Authorization", "Basic " + credentials).GET().build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

package io.repdesk.web.admin;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
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
import com.microsoft.playwright.options.LoadState;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.WebhookReceiver;
import io.repdesk.channel.webhook.WebhookDispatcher;
import io.repdesk.channel.webhook.WebhookSignature;

/** Drives the webhook admin pages in headless Chromium against a real receiver on localhost. */
@RepdeskIntegrationTest
class WebhookAdminBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    WebhookDispatcher dispatcher;

    BrowserContext context;
    Page page;
    WebhookReceiver receiver;

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
        receiver = WebhookReceiver.answering();
    }

    @AfterEach
    void closePage() {
        context.close();
        receiver.close();
    }

    @Test
    void anAdminSubscribesSendsATestEventSeesItDeliveredSendsItAgainAndDeactivates() {
        String description = "CRM sync " + UUID.randomUUID().toString().substring(0, 8);
        Browsers.signIn(page, url(""), "admin", "repdesk-demo");
        page.navigate(url("/admin/calendars"));
        page.locator(".admin-tabs").getByText("Webhooks").click();
        assertThat(page.locator("h1")).containsText("Webhooks");
        page.getByText("New subscription").click();

        page.locator("#targetUrl").fill("ftp://files.example.com/drop");
        save();
        assertThat(page.locator("#targetUrl-error")).containsText("http or https");
        assertThat(page.locator("#events-error")).hasText("Check at least one event type");
        assertThat(page.locator("#targetUrl")).hasValue("ftp://files.example.com/drop");

        page.locator("#targetUrl").fill(receiver.url());
        page.locator("#description").fill(description);
        page.locator("input[name=event][value='case.opened']").check();
        page.locator("input[name=event][value='need.stage_changed']").check();
        save();
        assertThat(page.locator(".notice")).containsText("Subscribed");
        String secret = page.locator("#signing-secret").textContent().strip();
        assertThat(secret).startsWith("whsec_");
        assertThat(page.locator("input[name=event][value='case.opened']")).isChecked();
        assertThat(page.locator("#deliveries")).containsText("Nothing sent yet");

        page.locator("#send-test").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".notice")).containsText("Queued a test event");
        Locator test = page.locator("table.deliveries tr[data-event='webhook.test']");
        assertThat(test.locator("td.delivery-status")).hasText("pending");
        assertThat(page.locator("#signing-secret")).hasCount(0);

        assertThat(page.locator("#deliveries")).hasAttribute("hx-trigger", "every 5s");
        dispatcher.dispatchDue();
        // no reload: the table refreshes itself while a delivery is pending
        assertThat(test.locator("td.delivery-status")).hasText("delivered");
        assertThat(page.locator("#deliveries")).not().hasAttribute("hx-trigger", "every 5s");
        assertThat(test.locator("td.attempts")).hasText("1");
        assertThat(test.locator("td.last-error")).containsText("HTTP 200");
        assertThat(receiver.received()).hasSize(1);
        WebhookReceiver.Received received = receiver.received().getFirst();
        test.locator("details.payload summary").click();
        assertThat(test.locator("details.payload pre")).hasText(received.body());
        assertThat(received.event()).isEqualTo("webhook.test");
        assertThat(received.delivery()).isEqualTo(test.getAttribute("data-id"));
        assertThat(WebhookSignature.verify(secret, received.signature(), received.body(), Instant.now(),
                Duration.ofMinutes(5))).isTrue();

        test.locator("button.send-again").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(test.locator("td.delivery-status")).hasText("pending");
        dispatcher.dispatchDue();
        page.reload();
        assertThat(test.locator("td.delivery-status")).hasText("delivered");
        assertThat(receiver.received()).hasSize(2);
        assertThat(receiver.received().getLast().delivery()).isEqualTo(received.delivery());

        page.locator("#rotate-secret").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".notice")).containsText("Replaced the signing secret");
        assertThat(page.locator("#signing-secret")).not().hasText(secret);
        assertThat(page.locator("#signing-secret")).containsText("whsec_");

        page.locator("#deactivate").click();
        page.waitForLoadState(LoadState.LOAD);
        assertThat(page.locator(".notice")).containsText("Deactivated");
        assertThat(page.locator("#active")).not().isChecked();
        assertThat(page.locator("#send-test")).hasCount(0);
        page.locator(".admin-tabs").getByText("Webhooks").click();
        Locator row = page.locator("table.webhooks tr", new Page.LocatorOptions().setHasText(description));
        assertThat(row.locator("td.state")).hasText("inactive");
        assertThat(row.locator("td.events")).hasText("case.opened, need.stage_changed");
    }

    private void save() {
        page.locator("form.admin-form button[type=submit]").click();
        page.waitForLoadState(LoadState.LOAD);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

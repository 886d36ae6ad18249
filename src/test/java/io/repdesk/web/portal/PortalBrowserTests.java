package io.repdesk.web.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.intake.Flows;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * A customer signs in with the link mailed to them, files a portal request through an intake flow and an
 * agent answers it, in headless Chromium: the answer reaches the customer by email and on the portal.
 */
@RepdeskIntegrationTest
class PortalBrowserTests {

    static final Pattern LINK = Pattern.compile("http://\\S+/portal/login/link\\?token=[A-Za-z0-9_-]+");

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    ContactManagement contacts;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    TestMail mail;

    @Autowired
    ApplicationContext application;

    SignInLinks links;
    BrowserContext customerBrowser;
    BrowserContext agentBrowser;

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
    void open() {
        links = SignInLinks.listen(application);
        customerBrowser = browsers.browser().newContext();
        agentBrowser = browsers.browser().newContext();
    }

    @AfterEach
    void closePages() {
        links.close();
        customerBrowser.close();
        agentBrowser.close();
    }

    @Test
    void aFileOverTheUploadLimitGetsAPageNamingTheLimitAndGoingBackKeepsTheForm() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IntakeFlow flow = intake.create(Flows.mobileApp("Large " + suffix));
        Customer customer = customers.register(new NewCustomer(null, "Lars Large", "lars-" + suffix + "@example.com",
                new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        Page portal = customerBrowser.newPage();
        signInByLink(portal, customer.email());
        portal.getByText("New request").first().click();
        portal.locator("a.category", new Page.LocatorOptions().setHasText(flow.category())).click();
        portal.locator("#subject").fill("Screen recording of the crash");
        java.nio.file.Path recording = java.nio.file.Files.createTempFile("recording-", ".mp4");
        try (var file = new java.io.RandomAccessFile(recording.toFile(), "rw")) {
            file.setLength(33L * 1024 * 1024);
        }
        portal.locator("#attachments").setInputFiles(recording);

        portal.locator("#file-request").click();

        assertThat(portal.locator("h1")).hasText("Too large");
        assertThat(portal.locator("[role=alert]")).containsText("each file may be at most 32 MB");
        portal.goBack();
        assertThat(portal.locator("#subject")).hasValue("Screen recording of the crash");
        java.nio.file.Files.delete(recording);
    }

    @Test
    void aCustomerFilesARequestThroughItsIntakeFlowAndReadsTheAgentsReplyOnThePortalAndByEmail() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IntakeFlow flow = intake.create(Flows.mobileApp("App " + suffix));
        var org = customers.registerOrganization("Portal Org " + suffix, "Business");
        Customer customer = customers.register(new NewCustomer(org.id(), "Mona Portal", "mona-" + suffix
                + "@example.com", new EnvironmentProfile(null, null, null, null, null, Map.of()), null));

        Page portal = customerBrowser.newPage();
        signInByLink(portal, customer.email());
        assertThat(portal.locator("h1")).hasText("Requests");

        portal.getByText("New request").first().click();
        portal.locator("a.category", new Page.LocatorOptions().setHasText(flow.category())).click();
        portal.locator("#subject").fill("The app closes when I top up");
        portal.locator("#description").fill("Every time I tap Top up the app closes.");
        Locator androidQuestion = portal.locator(".intake-question[data-key=android_version]");
        assertThat(androidQuestion).hasCount(0);
        portal.locator("#q-platform").selectOption("Android");
        assertThat(androidQuestion).isVisible();
        portal.locator("#q-app_version").fill("five point two");
        portal.locator("#attachments").setInputFiles(new FilePayload("steps.txt", "text/plain",
                "1. Open the app\n2. Tap Top up".getBytes(StandardCharsets.UTF_8)));
        portal.locator("#file-request").click();

        assertThat(portal.locator("#q-app_version-error")).containsText("must be a version");
        assertThat(portal.locator("#q-android_version-error")).containsText("Answer this question");
        assertThat(portal.locator("#subject")).hasValue("The app closes when I top up");
        assertThat(portal.locator("#description")).hasValue("Every time I tap Top up the app closes.");
        assertThat(portal.locator("#q-platform")).hasValue("Android");

        portal.locator("#q-app_version").fill("5.2.1");
        portal.locator("#q-android_version").fill("14");
        portal.locator("#q-device_model").fill("Pixel 8");
        portal.locator("#attachments").setInputFiles(new FilePayload("steps.txt", "text/plain",
                "1. Open the app\n2. Tap Top up".getBytes(StandardCharsets.UTF_8)));
        portal.locator("#file-request").click();

        assertThat(portal.locator(".notice")).containsText("was filed");
        String reference = portal.locator("h1 .ref").textContent().strip();
        SupportCase filed = cases.byReference(reference);
        assertThat(filed.customerId()).isEqualTo(customer.id());
        assertThat(filed.channel()).isEqualTo(Channel.PORTAL.name());
        assertThat(portal.locator("dd[data-key=android_version]")).hasText("14");
        assertThat(portal.locator("dd[data-key=app_version]")).hasText("5.2.1");
        assertThat(portal.locator("ul.files a")).hasText("steps.txt");

        portal.locator("a", new Page.LocatorOptions().setHasText("All requests")).click();
        Locator row = portal.locator("table.portal-cases tr[data-reference=" + reference + "]");
        assertThat(row.locator(".subject")).hasText("The app closes when I top up");
        assertThat(row.locator(".filer")).hasText("Mona Portal");

        String answer = "Thanks Mona, version 5.2.2 fixes this. " + suffix;
        Page workspace = agentBrowser.newPage();
        Browsers.signIn(workspace, url(""), "agent", "repdesk-demo");
        workspace.navigate(url("/cases/" + reference));
        assertThat(workspace.locator("article.contact").first()).containsText("Every time I tap Top up");
        workspace.locator("form.reply #reply-body").fill(answer);
        workspace.locator("form.reply button[type=submit]").click();
        assertThat(workspace.locator(".notice")).containsText("Reply sent");

        outbox.dispatchDue();
        MimeMessage sent = awaitMail(customer.email(), answer);
        assertThat(sent.getSubject()).contains(reference);

        portal.locator("table.portal-cases a", new Page.LocatorOptions().setHasText(reference)).click();
        assertThat(portal.locator("article.contact.outbound")).containsText(answer);
        assertThat(portal.locator("article.contact.outbound .author")).containsText("Support");
    }

    /** Signs in with the link in the sign-in mail, as the customer would from their inbox. */
    private void signInByLink(Page page, String email) throws Exception {
        page.navigate(url("/portal"));
        assertThat(page).hasURL(url("/portal/login"));
        page.locator("#link-email").fill(email);
        page.getByText("Send me a link").click();
        assertThat(page.locator("#link-sent")).containsText("a link is on its way");
        Matcher link = LINK.matcher(text(awaitMail(email, "/portal/login/link?token=")));
        assertThat(link.find()).as("the mail carries the sign-in link").isTrue();
        assertThat(link.group()).isEqualTo(links.awaitLink(email));
        page.navigate(link.group());
        page.locator("#use-link").click();
        assertThat(page).hasURL(url("/portal"));
    }

    /** The mail to the address whose text contains the words, waiting up to 20 seconds for it. */
    private MimeMessage awaitMail(String address, String words) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            for (MimeMessage m : mail.receivedBy(address)) {
                if (text(m).contains(words)) {
                    return m;
                }
            }
            outbox.dispatchDue();
        }
        throw new AssertionError("No mail to " + address + " saying " + words + "; received "
                + mail.receivedBy(address).size());
    }

    /** The plain text of a mail, decoded, from whichever part holds it. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                text.append(text(multipart.getBodyPart(i)));
            }
            return text.toString();
        }
        return "";
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

}

package io.repdesk.channel.email;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.shared.PageRequest;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

/** An email full of active content, read from a real IMAP server and shown to an agent: none of it runs. */
@RepdeskIntegrationTest
class InboundEmailBrowserTests {

    static Browsers browsers;
    static TestMailServer server;

    @LocalServerPort
    int port;

    @Autowired
    InboundMailboxes mailboxes;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    MailboxPoller poller;
    BrowserContext context;

    @BeforeAll
    static void launch() {
        browsers = Browsers.launch();
        server = TestMailServer.start();
    }

    @AfterAll
    static void close() {
        server.close();
        browsers.close();
    }

    @AfterEach
    void stop() {
        if (poller != null) {
            mailboxes.stop(poller);
        }
        if (context != null) {
            context.close();
        }
    }

    @Test
    void scriptsInAnEmailNeverRunInTheAgentWorkspaceWhileItsTextImagesAndFilesShow() throws Exception {
        String user = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String sender = "mallory-" + UUID.randomUUID() + "@customer.test";
        server.deliver(user, hostile(sender));
        server.deliver(user, Emails.bounce("<never-sent-" + UUID.randomUUID() + "@support.test>"));
        poller = mailboxes.start(server.mailbox(user), TestMailServer.FAST, outcome -> {
        });
        Contact contact = await().atMost(Duration.ofSeconds(60)).until(() -> contactsOf(sender), c -> c.size() == 1)
                .get(0);
        await().atMost(Duration.ofSeconds(60)).until(() -> server.allDone(user));
        String reference = cases.get(contact.caseId()).reference();

        context = browsers.browser().newContext();
        Page page = context.newPage();
        List<String> dialogs = new CopyOnWriteArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.message());
            dialog.dismiss();
        });
        Browsers.signIn(page, url(""), "admin", "repdesk-demo");
        page.navigate(url("/cases/" + reference));

        assertThat(page.locator(".email-html")).containsText("The export button does nothing.");
        page.waitForFunction("() => { const i = document.querySelector('.email-html img[alt=screenshot]');"
                + " return i && i.complete && i.naturalWidth === 2; }");
        page.locator(".email-html").getByText("Click me").click();
        assertThat(page.locator(".email-html")).containsText("Click me");
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        assertThat(page.title()).doesNotContain("pwned");
        assertThat(dialogs).isEmpty();
        assertThat(page.locator(".email-html script, .email-html [onerror], .email-html [onload], "
                + ".email-html a[href^='javascript']")).hasCount(0);

        String pdf = page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
                new Page.GetByRoleOptions().setName("report.pdf")).getAttribute("href");
        APIResponse download = page.request().get(url(pdf));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().get("content-disposition")).startsWith("attachment");
        assertThat(download.headers().get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(new String(download.body())).startsWith("%PDF-1.4");
        String elsewhere = someOtherCase(reference);
        assertThat(page.request().get(url(pdf.replace("/cases/" + reference + "/", "/cases/" + elsewhere + "/")))
                .status()).isEqualTo(404);

        page.navigate(url("/admin/mailboxes"));
        assertThat(page.locator("table.mailboxes tr[data-name='" + user + "'] .processed")).hasText("1");
        assertThat(page.locator("table.mailboxes tr[data-name='" + user + "'] .ignored")).hasText("1");
        assertThat(page.locator("table.ignored-emails tr[data-reason=BOUNCE]").first())
                .containsText("Undelivered Mail Returned to Sender");
    }

    private String someOtherCase(String reference) {
        return cases.list(io.repdesk.casework.CaseFilter.any(), PageRequest.first(5)).items().stream()
                .map(c -> c.reference()).filter(r -> !r.equals(reference)).findFirst().orElseThrow();
    }

    private List<Contact> contactsOf(String email) {
        return customers.byEmail(email).map(c -> contacts.timeline(c.id(), PageRequest.first(10)).items())
                .orElse(List.of());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static MimeMessage hostile(String sender) throws Exception {
        Session session = Session.getInstance(new java.util.Properties());
        MimeMessage message = new MimeMessage(session);
        message.setFrom("Mallory <" + sender + ">");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@support.test");
        message.setSubject("Export broken");
        MimeBodyPart html = new MimeBodyPart();
        html.setContent("""
                <html><body>
                <p>The <b>export</b> button does nothing.</p>
                <script>document.title = 'pwned'; window.pwned = true; alert('script');</script>
                <img src="cid:shot@customer.test" alt="screenshot" onerror="window.pwned = true; alert('img')">
                <img src="x" onerror="window.pwned = true; alert('onerror')">
                <svg onload="window.pwned = true; alert('svg')"></svg>
                <a href="javascript:window.pwned = true; alert('link')">Click me</a>
                <iframe src="javascript:alert('frame')"></iframe>
                </body></html>
                """, "text/html; charset=UTF-8");
        MimeBodyPart image = new MimeBodyPart();
        image.setDataHandler(new DataHandler(new ByteArrayDataSource(png(), "image/png")));
        image.setContentID("<shot@customer.test>");
        image.setDisposition(MimeBodyPart.INLINE);
        MimeMultipart related = new MimeMultipart("related");
        related.addBodyPart(html);
        related.addBodyPart(image);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(related);
        MimeBodyPart pdf = new MimeBodyPart();
        pdf.setDataHandler(new DataHandler(new ByteArrayDataSource("%PDF-1.4\n%report".getBytes(), "application/pdf")));
        pdf.setFileName("report.pdf");
        pdf.setDisposition(MimeBodyPart.ATTACHMENT);
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(pdf);
        message.setContent(mixed);
        message.saveChanges();
        return message;
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 0xff0000);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}

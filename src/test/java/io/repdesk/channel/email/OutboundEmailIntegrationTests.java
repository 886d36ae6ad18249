package io.repdesk.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.Socket;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.TestMail;
import io.repdesk.casework.CaseManagement;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.channel.OutboundMail;
import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewAttachment;
import io.repdesk.contact.NewContact;
import io.repdesk.contact.Recorded;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.security.PortalSignInLinkRequested;
import io.repdesk.shared.Conflict;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

@RepdeskIntegrationTest
class OutboundEmailIntegrationTests {

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    @Autowired
    EmailMessages messages;

    @Autowired
    EmailOutbox outbox;

    @Autowired
    AttachmentStore store;

    @Autowired
    TestMail mail;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TestClock clock;

    @AfterEach
    void serverUpAndClockReleased() {
        clock.release();
        if (!mailServerUp()) {
            mail.restart();
        }
    }

    @Test
    void aReplyGoesOutOnTheCustomersThreadWithPlainAndHtmlPartsAndItsFiles() throws Exception {
        Customer customer = customer();
        Recorded question = inbound(customer, "<question-" + UUID.randomUUID() + "@customer.test>");
        var file = store.store("steps.txt", "1. Open the app\n2. Tap Top up".getBytes());

        Recorded reply = contacts.reply(reply(customer, question, "Please try again now.\n\nThe fix is live.", null),
                Enclosures.of(List.of(new NewAttachment("steps.txt", "text/plain", file, null, false))));
        sendOutbox();

        MimeMessage sent = onlyMailTo(customer);
        String reference = cases.get(question.contact().caseId()).reference();
        assertThat(sent.getSubject()).contains("[" + reference + "]");
        assertThat(sent.getHeader("In-Reply-To", null)).isEqualTo(question.contact().idempotencyKey().substring(6));
        assertThat(sent.getHeader("References", null)).contains(question.contact().idempotencyKey().substring(6));
        assertThat(sent.getHeader("Auto-Submitted", null)).isEqualTo("no");
        OutboundMail queued = outbox.forContacts(List.of(reply.contact().id())).get(reply.contact().id());
        assertThat(queued.status()).isEqualTo(OutboundMail.Status.SENT);
        assertThat(sent.getMessageID()).isEqualTo(queued.messageId());
        assertThat(messages.caseOf(List.of(queued.messageId()))).contains(question.contact().caseId());
        assertThat(parts(sent)).containsKeys("text/plain", "text/html", "steps.txt");
        assertThat(parts(sent).get("text/plain")).contains("The fix is live.");
        assertThat(parts(sent).get("text/html")).contains("<p>The fix is live.</p>");
    }

    @Test
    void anSmtpOutageDelaysTheReplyWhichThenGoesOutExactlyOnce() throws Exception {
        Customer customer = customer();
        Recorded question = inbound(customer, "<outage-" + UUID.randomUUID() + "@customer.test>");
        clock.pin(Instant.now());
        mail.stop();

        String key = "reply-" + UUID.randomUUID();
        Recorded reply = contacts.reply(reply(customer, question, "We are on it.", key), Enclosures.none());
        OutboundMail waiting = awaitAttempt(reply);
        assertThat(waiting.status()).isEqualTo(OutboundMail.Status.PENDING);
        assertThat(waiting.lastError()).isNotBlank();
        assertThat(waiting.nextAttemptAt()).isAfter(clock.instant());

        mail.restart();
        outbox.dispatchDue();
        assertThat(mail.receivedBy(customer.email())).as("not due before its next attempt").isEmpty();

        clock.advance(Duration.ofHours(2));
        sendOutbox();
        sendOutbox();
        contacts.reply(reply(customer, question, "We are on it.", key), Enclosures.none());
        sendOutbox();

        assertThat(mail.receivedBy(customer.email())).hasSize(1);
        OutboundMail sent = mailOf(reply);
        assertThat(sent.status()).isEqualTo(OutboundMail.Status.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
    }

    @Test
    void aSentMailCannotBeSentAgain() {
        Customer customer = customer();
        Recorded question = inbound(customer, "<again-" + UUID.randomUUID() + "@customer.test>");
        Recorded reply = contacts.reply(reply(customer, question, "Here it is.", null), Enclosures.none());
        sendOutbox();
        OutboundMail sent = mailOf(reply);

        assertThatThrownBy(() -> outbox.sendAgain(sent.id())).isInstanceOf(Conflict.class);
        assertThat(mail.receivedBy(customer.email())).hasSize(1);
    }

    @Test
    void aPortalSignInLinkIsMailedAsMachineMadeMail() throws Exception {
        Customer customer = customer();
        String link = "http://portal.test/portal/login/link?token=" + UUID.randomUUID();
        events.publishEvent(new PortalSignInLinkRequested(customer.id(), customer.email(), link,
                Instant.now().plus(Duration.ofMinutes(15))));
        sendOutbox();

        MimeMessage sent = onlyMailTo(customer);
        assertThat(sent.getSubject()).isEqualTo("Your sign-in link");
        assertThat(sent.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(parts(sent).get("text/plain")).contains(link).contains("works once");
        assertThat(parts(sent).get("text/html")).contains("href=\"" + link + "\"");
    }

    @Test
    void recordedHistoryIsNotMailed() {
        Customer customer = customer();
        Recorded question = inbound(customer, "<history-" + UUID.randomUUID() + "@customer.test>");
        Recorded logged = contacts.record(reply(customer, question, "Called the customer back.", null));
        sendOutbox();

        assertThat(outbox.forContacts(List.of(logged.contact().id()))).isEmpty();
        assertThat(mail.receivedBy(customer.email())).isEmpty();
    }

    private OutboundMail awaitAttempt(Recorded reply) {
        for (int pass = 0; pass < 10_000; pass++) {
            outbox.dispatchDue();
            OutboundMail m = mailOf(reply);
            if (m.attempts() > 0) {
                return m;
            }
        }
        throw new AssertionError("the reply's mail was never attempted");
    }

    private void sendOutbox() {
        for (int pass = 0; pass < 1_000 && outbox.dispatchDue() > 0; pass++) {
            // Each pass sends what is due; mail queued by other tests may take several.
        }
    }

    private OutboundMail mailOf(Recorded reply) {
        return outbox.forContacts(List.of(reply.contact().id())).get(reply.contact().id());
    }

    private MimeMessage onlyMailTo(Customer customer) {
        List<MimeMessage> received = mail.receivedBy(customer.email());
        assertThat(received).hasSize(1);
        return received.getFirst();
    }

    private boolean mailServerUp() {
        try (Socket socket = new Socket("127.0.0.1", mail.smtpPort())) {
            return socket.isConnected();
        } catch (IOException e) {
            return false;
        }
    }

    private Recorded inbound(Customer customer, String messageId) {
        Recorded question = contacts.record(new NewContact(customer.id(), null, Channel.EMAIL, Direction.INBOUND,
                Instant.now().minusSeconds(600), "Top-up failed", "My top-up failed twice", null, "email:" + messageId,
                null, null));
        messages.remember(messageId, question.contact().caseId(), question.contact().id(), Direction.INBOUND);
        return question;
    }

    private static NewContact reply(Customer customer, Recorded question, String body, String key) {
        return new NewContact(customer.id(), question.contact().caseId(), Channel.EMAIL, Direction.OUTBOUND,
                Instant.now(), "Re: Top-up failed", body, "agent", key, null, null);
    }

    private Customer customer() {
        return customers.register(new NewCustomer(null, "Mailed Customer", "m-" + UUID.randomUUID() + "@customer.test",
                new EnvironmentProfile("Lumen app", "5.2", "iOS", "Plus", "UK", Map.of()), null));
    }

    /** The message's leaf parts: by file name for attachments, by media type for bodies. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new HashMap<>();
        collect(part, found);
        return found;
    }

    private static void collect(Part part, Map<String, String> found) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                collect(multipart.getBodyPart(i), found);
            }
        } else if (part.getFileName() != null) {
            found.put(part.getFileName(), new String(part.getInputStream().readAllBytes()));
        } else {
            found.put(part.getContentType().split(";")[0].strip().toLowerCase(), String.valueOf(part.getContent()));
        }
    }
}

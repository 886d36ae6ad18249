package io.repdesk.channel.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.IgnoredEmail;
import io.repdesk.channel.InboundEmail;
import io.repdesk.channel.MailboxStatus;
import io.repdesk.channel.RefusedFile;
import io.repdesk.contact.Attachment;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.shared.PageRequest;

import jakarta.activation.DataHandler;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

@RepdeskIntegrationTest
class InboundEmailIntegrationTests {

    static TestMailServer server;

    @Autowired
    InboundMailboxes mailboxes;

    @Autowired
    InboundEmail inbound;

    @Autowired
    EmailIngestion ingestion;

    @Autowired
    EmailMessages messages;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    CaseManagement cases;

    final List<MailboxPoller> started = new ArrayList<>();

    @BeforeAll
    static void startServer() {
        server = TestMailServer.start();
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    @AfterEach
    void stopPollers() {
        started.forEach(mailboxes::stop);
        if (!server.running()) {
            server.restart();
        }
    }

    @Test
    void repliesThreadOntoTheirCaseByHeadersAndBySubjectReference() {
        String user = user();
        String jane = "jane-" + UUID.randomUUID() + "@customer.test";
        String first = Emails.newId();
        server.deliver(user, Emails.plain("Jane Doe <" + jane + ">", "Top-up failed", first,
                "My top-up of 20 EUR failed twice."));
        poll(user);
        Contact opening = await().atMost(Duration.ofSeconds(60)).until(() -> contactsOf(jane), c -> c.size() == 1).get(0);
        SupportCase supportCase = cases.get(opening.caseId());

        server.deliver(user, Emails.plain(jane, "Re: Top-up failed", Emails.newId(), "Still failing.\n\n"
                + "On Mon, 2 Nov 2026, Support <support@support.test> wrote:\n> Please retry.", "In-Reply-To: " + first));
        server.deliver(user, Emails.plain(jane, "About [" + supportCase.reference() + "] again", Emails.newId(),
                "Any news?"));
        server.deliver(user, Emails.plain(jane, "Card blocked", Emails.newId(), "A different problem."));
        await().atMost(Duration.ofSeconds(60)).until(() -> contactsOf(jane).size() == 4);

        List<Contact> all = contactsOf(jane);
        assertThat(customers.byEmail(jane.toUpperCase())).get().extracting(Customer::name).isEqualTo("Jane Doe");
        assertThat(all).filteredOn(c -> c.caseId().equals(supportCase.id())).extracting(Contact::body)
                .containsExactlyInAnyOrder("My top-up of 20 EUR failed twice.", "Still failing.", "Any news?");
        assertThat(all).filteredOn(c -> c.subject().equals("Card blocked")).singleElement()
                .satisfies(c -> assertThat(c.caseId()).isNotEqualTo(supportCase.id()));
        assertThat(messages.caseOf(List.of(first))).contains(supportCase.id());
    }

    @Test
    void aRepeatedDeliveryIsRecordedOnce() {
        String user = user();
        String sender = "twice-" + UUID.randomUUID() + "@customer.test";
        String message = Emails.plain(sender, "Statement missing", Emails.newId(), "October's statement is missing.");
        server.deliver(user, message);
        server.deliver(user, message);
        poll(user);

        await().atMost(Duration.ofSeconds(60)).until(() -> server.allDone(user));

        assertThat(server.inbox(user)).hasSize(2);
        assertThat(contactsOf(sender)).singleElement().extracting(Contact::body)
                .isEqualTo("October's statement is missing.");
    }

    @Test
    void damagedMessagesBecomeContactsWithWhatCouldBeReadAndNothingIsDropped() {
        String user = user();
        String sender = "broken-" + UUID.randomUUID() + "@customer.test";
        server.deliver(user, """
                From: %s
                Subject: Broken boundary
                Message-ID: %s
                Content-Type: multipart/mixed; boundary="declared"

                --another
                Content-Type: text/plain

                The export has no header row.
                --another--
                """.formatted(sender, Emails.newId()));
        server.deliver(user, """
                From: %s
                Message-ID: %s
                Content-Type: text/plain; charset=x-unheard-of

                No subject and an unknown charset.
                """.formatted(sender, Emails.newId()));
        String anonymous = Emails.newId();
        server.deliver(user, """
                Subject: Nobody sent this
                Message-ID: %s

                Who am I?
                """.formatted(anonymous));
        poll(user);

        await().atMost(Duration.ofSeconds(60)).until(() -> server.allDone(user));

        assertThat(contactsOf(sender)).extracting(Contact::body).anyMatch(b -> b.contains("The export has no header row."))
                .anyMatch(b -> b.contains("No subject and an unknown charset."));
        assertThat(ignored()).filteredOn(e -> anonymous.equals(e.messageId())).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(IgnoredEmail.Reason.NO_SENDER);
            assertThat(e.originalSha256()).isNotNull();
        });
    }

    @Test
    void bytesThatAreNoEmailAreKeptAsUnreadable() {
        EmailIngestion.Outcome outcome = ingestion.ingest("direct", new byte[0], Instant.now());

        assertThat(outcome).isInstanceOf(EmailIngestion.SetAside.class);
        assertThat(ignored()).anyMatch(e -> e.reason() == IgnoredEmail.Reason.UNREADABLE && e.mailbox().equals("direct"));
    }

    @Test
    void aTwentyMegabyteAttachmentIsRefusedWhileTheMessageAndItsOtherFilesAreKept() throws Exception {
        String user = user();
        String sender = "large-" + UUID.randomUUID() + "@customer.test";
        byte[] video = new byte[20 * 1024 * 1024];
        new Random(5).nextBytes(video);
        server.deliver(user, withAttachments(sender, "Screen recording", "The recording shows the crash.",
                new MimeBodyPart[] { attachment("recording.mp4", "video/mp4", video),
                    attachment("log.txt", "text/plain", "E/Payments: timeout".getBytes()) }));
        poll(user);

        Contact contact = await().atMost(Duration.ofSeconds(90)).until(() -> contactsOf(sender), c -> c.size() == 1).get(0);

        assertThat(contact.body()).isEqualTo("The recording shows the crash.");
        assertThat(contacts.attachments(contact.id())).extracting(Attachment::filename).containsExactly("log.txt");
        List<RefusedFile> refused = inbound.refusedFiles(List.of(contact.id())).get(contact.id());
        assertThat(refused).extracting(RefusedFile::filename).containsExactly("recording.mp4", "message.eml");
        assertThat(refused.get(0).size()).isEqualTo(video.length);
        assertThat(refused.get(0).reason()).contains("larger than the limit of 10 MiB");
        await().atMost(Duration.ofSeconds(30)).until(() -> server.allDone(user));
    }

    @Test
    void noMessageIsLostOrDuplicatedWhenTheConnectionDropsMidFetch() {
        String user = user();
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String sender = "drop-" + i + "-" + UUID.randomUUID() + "@customer.test";
            senders.add(sender);
            server.deliver(user, Emails.plain(sender, "Question " + i, Emails.newId(), "Question number " + i));
        }
        AtomicInteger ingested = new AtomicInteger();
        MailboxPoller poller = mailboxes.start(server.mailbox(user), TestMailServer.FAST, outcome -> {
            if (ingested.incrementAndGet() == 5) {
                // Recorded, not yet marked on the server: the worst moment for the connection to go.
                server.stop();
            }
        });
        started.add(poller);

        await().atMost(Duration.ofSeconds(60)).until(() -> poller.status().state() == MailboxStatus.State.ERROR);
        server.restart();
        await().atMost(Duration.ofSeconds(60)).until(() -> server.allDone(user));

        assertThat(ingested.get()).isGreaterThan(12);
        for (String sender : senders) {
            assertThat(contactsOf(sender)).as(sender).hasSize(1);
        }
    }

    @Test
    void bouncesAndAutoRepliesOpenNoCaseAndLeaveTheCaseAlone() {
        String user = user();
        String customer = "bounced-" + UUID.randomUUID() + "@customer.test";
        var recorded = contacts.record(new NewContact(customers.register(new io.repdesk.customer.NewCustomer(null,
                "Bounced Customer", customer, io.repdesk.customer.EnvironmentProfile.unknown(), null)).id(), null,
                Channel.EMAIL, Direction.INBOUND, Instant.now(), "Login fails", "I cannot log in.", null,
                "test-" + UUID.randomUUID(), null, null));
        SupportCase before = cases.get(recorded.contact().caseId());
        String outbound = "<out-" + UUID.randomUUID() + "@support.test>";
        messages.remember(outbound, before.id(), null, Direction.OUTBOUND);
        String bounceId = Emails.newId();
        String bounce = Emails.bounce(outbound).replaceFirst("Message-ID: <[^>]+>", "Message-ID: " + bounceId);
        server.deliver(user, bounce);
        String autoReplyId = Emails.newId();
        server.deliver(user, Emails.plain(customer, "Out of office: Re: Login fails", autoReplyId,
                "I am away until Monday.", "Auto-Submitted: auto-replied", "In-Reply-To: " + outbound));
        poll(user);

        await().atMost(Duration.ofSeconds(60)).until(() -> server.allDone(user));

        assertThat(ignored()).filteredOn(e -> bounceId.equals(e.messageId())).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(IgnoredEmail.Reason.BOUNCE);
            assertThat(e.caseId()).isEqualTo(before.id());
        });
        assertThat(ignored()).filteredOn(e -> autoReplyId.equals(e.messageId())).singleElement()
                .extracting(IgnoredEmail::reason).isEqualTo(IgnoredEmail.Reason.AUTO_REPLY);
        assertThat(contactsOf(customer)).hasSize(1);
        SupportCase after = cases.get(before.id());
        assertThat(after.contactCount()).isEqualTo(before.contactCount());
        assertThat(after.lastContactAt()).isEqualTo(before.lastContactAt());
        assertThat(after.status()).isEqualTo(before.status());
    }

    private static String user() {
        return "support-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private void poll(String user) {
        started.add(mailboxes.start(server.mailbox(user), TestMailServer.FAST, outcome -> {
        }));
    }

    private List<Contact> contactsOf(String email) {
        return customers.byEmail(email).map(c -> contacts.timeline(c.id(), PageRequest.first(50)).items())
                .orElse(List.of());
    }

    private List<IgnoredEmail> ignored() {
        return inbound.ignored(PageRequest.first(200)).items();
    }

    private static MimeBodyPart attachment(String name, String type, byte[] bytes) throws Exception {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(bytes, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        return part;
    }

    static MimeMessage withAttachments(String from, String subject, String text, MimeBodyPart[] files)
            throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new java.util.Properties()));
        message.setFrom(from);
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "support@support.test");
        message.setSubject(subject);
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        mixed.addBodyPart(body);
        for (MimeBodyPart file : files) {
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
        message.saveChanges();
        // Through bytes, as a mail server stores it.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return new MimeMessage(Session.getInstance(new java.util.Properties()),
                new java.io.ByteArrayInputStream(out.toByteArray()));
    }
}

package io.repdesk.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.repdesk.channel.email.InboundEmailSettings.Mailbox;
import io.repdesk.shared.ProgressBar;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * {@code repdesk bench email}: fills an in-process GreenMail mailbox with N realistic messages (new threads,
 * replies with quoted history, HTML alternatives, attachments, a few auto-replies and bounces), points the real
 * mailbox poller at it and times how long it takes until every message is a contact or set aside. Repeats with
 * a fresh mailbox per run; the customers of earlier runs are known by then, as in a live system.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-email")
class EmailBenchmark implements ApplicationRunner {

    private static final String[] SUBJECTS = { "Top-up failed", "Card blocked after travel", "Cannot log in",
        "Statement missing for October", "App crashes when opening Payments", "Double charge on my card",
        "How do I change my PIN?", "Transfer stuck in pending", "Notifications stopped", "Export to CSV is empty" };

    private static final String[] LINES = { "I tried again this morning and it still does not work.",
        "The app shows an error without any code.", "I am on Android 14 with the latest version of the app.",
        "This started after the last update.", "Could you please look into it urgently?",
        "My colleague has the same problem on iOS.", "I have attached a screenshot of the error.",
        "The amount was taken from my account but never arrived." };

    private final InboundMailboxes mailboxes;
    private final InboundEmailSettings settings;
    private final int messages;
    private final int runs;
    private final PrintStream out = System.out;

    EmailBenchmark(InboundMailboxes mailboxes, InboundEmailSettings settings,
            @Value("${repdesk.eval.messages:10000}") int messages, @Value("${repdesk.eval.runs:3}") int runs) {
        this.mailboxes = mailboxes;
        this.settings = settings;
        this.messages = messages;
        this.runs = runs;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int port = freePort();
        GreenMail greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
        try {
            List<Double> rates = new ArrayList<>();
            List<Double> seconds = new ArrayList<>();
            List<Double> waits = new ArrayList<>();
            List<Double> ownRates = new ArrayList<>();
            for (int run = 1; run <= runs; run++) {
                Timing t = run(greenMail, port, run);
                seconds.add(t.seconds());
                waits.add(t.serverSeconds());
                rates.add(messages / t.seconds());
                ownRates.add(messages / (t.seconds() - t.serverSeconds()));
                out.printf(Locale.ROOT, "Run %d: %,d messages in %.1f s, %.0f messages/s; %.1f s of it waiting on"
                        + " the IMAP server, %.0f messages/s for repdesk's own work%n", run, messages, t.seconds(),
                        messages / t.seconds(), t.serverSeconds(), messages / (t.seconds() - t.serverSeconds()));
            }
            out.println(String.format(Locale.ROOT,
                    "bench email messages=%d runs=%d median_per_s=%.1f median_s=%.1f median_server_s=%.1f"
                            + " median_own_per_s=%.1f rates=%s", messages, runs, median(rates), median(seconds),
                    median(waits), median(ownRates), String.join("/",
                            rates.stream().map(r -> String.format(Locale.ROOT, "%.1f", r)).toList())));
        } finally {
            greenMail.stop();
        }
    }

    /** One run's wall time and the part of it spent waiting on the IMAP server's answers. */
    private record Timing(double seconds, double serverSeconds) {
    }

    private Timing run(GreenMail greenMail, int port, int run) throws MessagingException, InterruptedException {
        String user = "bench" + run;
        GreenMailUser owner = greenMail.setUser(user + "@support.invalid", user, "bench");
        fill(owner, run);
        Semaphore done = new Semaphore(0);
        AtomicLong count = new AtomicLong();
        ProgressBar bar = new ProgressBar(out, "Run " + run + " ingesting", messages);
        long started = System.nanoTime();
        MailboxPoller poller = mailboxes.start(new Mailbox(user, "127.0.0.1", port, "imap", user, "bench", "INBOX",
                true), settings, outcome -> {
                    count.incrementAndGet();
                    done.release();
                });
        try {
            while (count.get() < messages) {
                done.tryAcquire(200, TimeUnit.MILLISECONDS);
                bar.update(count.get());
            }
        } finally {
            mailboxes.stop(poller);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        bar.done();
        return new Timing(seconds, poller.serverTime().toNanos() / 1e9);
    }

    /** Delivers the run's messages into the mailbox; not timed. */
    private void fill(GreenMailUser owner, int run) throws MessagingException {
        Random random = new Random(run);
        Session session = Session.getInstance(new Properties());
        List<String> sent = new ArrayList<>();
        ProgressBar bar = new ProgressBar(out, "Run " + run + " filling mailbox", messages);
        for (int i = 0; i < messages; i++) {
            String id = "<bench-" + run + "-" + i + "@customer.invalid>";
            String raw = message(random, i, id, sent);
            sent.add(id);
            owner.deliver(new MimeMessage(session, new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
            bar.update(i + 1);
        }
        bar.done();
    }

    private static String message(Random random, int i, String id, List<String> sent) {
        int customer = random.nextInt(2_000);
        String from = "Customer " + customer + " <customer" + customer + "@bench.invalid>";
        int kind = random.nextInt(200);
        if (kind == 0) {
            return "From: Mail Delivery System <MAILER-DAEMON@mx.bench.invalid>\r\nSubject: Undelivered Mail\r\n"
                    + "Message-ID: " + id + "\r\nContent-Type: multipart/report; report-type=delivery-status; "
                    + "boundary=\"r\"\r\n\r\n--r\r\nContent-Type: text/plain\r\n\r\nNot delivered.\r\n--r--\r\n";
        }
        if (kind == 1) {
            return "From: " + from + "\r\nSubject: Out of office\r\nMessage-ID: " + id
                    + "\r\nAuto-Submitted: auto-replied\r\n\r\nI am away until Monday.\r\n";
        }
        String subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        StringBuilder text = new StringBuilder("Hello,\r\n\r\n");
        for (int n = 0; n < 2 + random.nextInt(4); n++) {
            text.append(LINES[random.nextInt(LINES.length)]).append(' ');
        }
        text.append("\r\n\r\nKind regards,\r\nCustomer ").append(customer).append("\r\n");
        StringBuilder headers = new StringBuilder("From: " + from + "\r\nTo: support@support.invalid\r\nMessage-ID: "
                + id + "\r\nDate: Mon, 2 Nov 2026 09:30:00 +0000\r\nMIME-Version: 1.0\r\n");
        if (kind < 60 && !sent.isEmpty()) {
            String parent = sent.get(random.nextInt(sent.size()));
            headers.append("Subject: Re: ").append(subject).append("\r\nIn-Reply-To: ").append(parent)
                    .append("\r\nReferences: ").append(parent).append("\r\n");
            text.append("\r\nOn Mon, 2 Nov 2026 at 10:00, Support <support@support.invalid> wrote:\r\n")
                    .append("> Could you tell us which version you use?\r\n> Thanks\r\n");
        } else {
            headers.append("Subject: ").append(subject).append(" (").append(i).append(")\r\n");
        }
        String html = "<html><body><p>" + text.toString().replace("\r\n", "<br>") + "</p></body></html>";
        String alternative = "--alt\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + text
                + "\r\n--alt\r\nContent-Type: text/html; charset=UTF-8\r\n\r\n" + html + "\r\n--alt--\r\n";
        if (kind < 80) {
            return headers + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + text;
        }
        if (kind < 180) {
            return headers + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" + alternative;
        }
        byte[] file = new byte[20_000 + random.nextInt(80_000)];
        random.nextBytes(file);
        return headers + "Content-Type: multipart/mixed; boundary=\"mix\"\r\n\r\n--mix\r\n"
                + "Content-Type: multipart/alternative; boundary=\"alt\"\r\n\r\n" + alternative
                + "--mix\r\nContent-Type: application/pdf; name=\"report-" + i + ".pdf\"\r\n"
                + "Content-Disposition: attachment; filename=\"report-" + i + ".pdf\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n" + Base64.getMimeEncoder().encodeToString(file)
                + "\r\n--mix--\r\n";
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

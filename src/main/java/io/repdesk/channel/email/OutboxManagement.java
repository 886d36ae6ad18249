package io.repdesk.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.channel.EmailOutbox;
import io.repdesk.channel.OutboundMail;
import io.repdesk.contact.Attachment;
import io.repdesk.contact.ContactManagement;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Periodic;

/**
 * Sends the outbox over SMTP. Each mail is claimed, sent and marked in one transaction, so a mail marked sent
 * is never sent again and an SMTP outage only delays mail: a failed attempt waits twice as long as the one
 * before (with some jitter, so many nodes do not retry in step) until the server answers again.
 */
@Service
class OutboxManagement implements EmailOutbox, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxManagement.class);
    private static final int MOST_PER_PASS = 500;

    private final Outbox outbox;
    private final SmtpTransport smtp;
    private final ContactManagement contacts;
    private final OutboundEmailSettings settings;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private @Nullable Periodic dispatcher;

    OutboxManagement(Outbox outbox, SmtpTransport smtp, ContactManagement contacts, OutboundEmailSettings settings,
            TransactionTemplate transactions, Clock clock) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.contacts = contacts;
        this.settings = settings;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean enabled() {
        return settings.enabled();
    }

    @Override
    public Page<OutboundMail> list(OutboundMail.@Nullable Status status, PageRequest page) {
        return outbox.page(status, page);
    }

    @Override
    public Map<OutboundMail.Status, Long> counts() {
        return outbox.counts();
    }

    @Override
    public Map<ContactId, OutboundMail> forContacts(List<ContactId> ids) {
        return outbox.forContacts(ids);
    }

    @Override
    public void sendAgain(UUID id) {
        OutboundMail mail = outbox.find(id).orElseThrow(() -> new NotFound("mail", id));
        if (mail.status() == OutboundMail.Status.SENT || !outbox.sendAgain(id, clock.instant())) {
            throw new Conflict("This mail was sent already");
        }
    }

    @Override
    public int dispatchDue() {
        if (!settings.enabled()) {
            return 0;
        }
        int sent = 0;
        for (int i = 0; i < MOST_PER_PASS; i++) {
            Attempt attempt = transactions.execute(status -> attemptNext());
            if (attempt == null || attempt == Attempt.NONE_DUE) {
                break;
            }
            if (attempt == Attempt.SERVER_FAILED) {
                // The server is likely down: the other due mail waits for the next pass instead of timing out too.
                break;
            }
            if (attempt == Attempt.SENT) {
                sent++;
            }
        }
        return sent;
    }

    private enum Attempt {
        NONE_DUE, SENT, REFUSED, SERVER_FAILED
    }

    private Attempt attemptNext() {
        Instant now = clock.instant();
        var due = outbox.claimDue(now);
        if (due.isEmpty()) {
            return Attempt.NONE_DUE;
        }
        OutboundMail mail = due.get();
        try {
            smtp.send(mail, files(mail), Date.from(now));
            outbox.markSent(mail.id(), clock.instant());
            return Attempt.SENT;
        } catch (SmtpTransport.SendFailure e) {
            int attempts = mail.attempts() + 1;
            if (e.permanent() || attempts >= settings.maxAttempts()) {
                log.warn("Gave up sending {} to {} after {} attempts: {}", mail.messageId(), mail.recipient(),
                        attempts, e.getMessage());
                outbox.markFailed(mail.id(), e.getMessage());
                return Attempt.REFUSED;
            }
            Instant next = now.plus(jittered(settings.retryAfter(attempts)));
            log.info("Sending {} failed (attempt {}), next attempt at {}: {}", mail.messageId(), attempts, next,
                    e.getMessage());
            outbox.markRetry(mail.id(), next, e.getMessage());
            return Attempt.SERVER_FAILED;
        }
    }

    private List<Attachment> files(OutboundMail mail) {
        if (mail.contactId() == null) {
            return List.of();
        }
        return contacts.attachments(mail.contactId()).stream().filter(a -> !a.original()).toList();
    }

    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 10 + 1));
    }

    private void pass() {
        try {
            int sent = dispatchDue();
            if (sent > 0) {
                log.debug("Sent {} mails", sent);
            }
        } catch (RuntimeException e) {
            log.warn("Sending the outbox failed; will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (settings.enabled() && settings.dispatchInterval().isPositive()) {
            dispatcher = Periodic.every("email-outbox", settings.dispatchInterval(), settings.dispatchInterval(),
                    this::pass);
        }
    }

    @Override
    public void stop() {
        if (dispatcher != null) {
            dispatcher.close();
            dispatcher = null;
        }
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }
}

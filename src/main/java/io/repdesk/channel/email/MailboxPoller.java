package io.repdesk.channel.email;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.transaction.TransactionException;

import io.repdesk.channel.MailboxStatus;
import io.repdesk.channel.email.InboundEmailSettings.Mailbox;

import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.NotTerm;
import jakarta.mail.search.SearchTerm;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;

/**
 * Reads one IMAP mailbox on its own virtual thread: takes every message not yet marked done, has it ingested,
 * and only then marks it done on the server ({@code \Seen} and the keyword {@value #DONE_KEYWORD}, or only
 * {@code \Seen} where the folder keeps no keywords). Waits with IDLE where the server offers it, polls
 * otherwise, and reconnects with a doubling backoff after any failure. A crash between recording and marking
 * means the message is read again, and ingestion recognises it.
 */
final class MailboxPoller implements AutoCloseable {

    static final String DONE_KEYWORD = "$RepdeskDone";

    /** A batch's messages are held in memory together; a larger message is a batch of its own. */
    private static final long BATCH_BYTES = 16L * 1024 * 1024;

    /** A message that fails this often for reasons of its own is set aside, so one message cannot stop a mailbox. */
    private static final int ATTEMPTS = 3;

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

    /** Called after a message was ingested and before it is marked done: the window a crash would hit. */
    @FunctionalInterface
    interface AfterIngest {
        void ingested(EmailIngestion.Outcome outcome);
    }

    private final Mailbox mailbox;
    private final InboundEmailSettings settings;
    private final EmailIngestion ingestion;
    private final Clock clock;
    private final AfterIngest afterIngest;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private final AtomicLong processed = new AtomicLong();
    private final AtomicLong ignored = new AtomicLong();
    private final AtomicLong serverNanos = new AtomicLong();
    private final Map<String, Integer> failures = new HashMap<>();
    private final ScheduledExecutorService timer;
    private volatile MailboxStatus.State state = MailboxStatus.State.CONNECTING;
    private volatile @Nullable String error;
    private volatile @Nullable Instant lastPollAt;
    private volatile @Nullable Store store;
    private volatile @Nullable Folder folder;
    private volatile boolean stopping;
    private boolean wakeRequested;
    private @Nullable Thread thread;

    MailboxPoller(Mailbox mailbox, InboundEmailSettings settings, EmailIngestion ingestion, Clock clock,
            AfterIngest afterIngest) {
        this.mailbox = mailbox;
        this.settings = settings;
        this.ingestion = ingestion;
        this.clock = clock;
        this.afterIngest = afterIngest;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofVirtual().name("mailbox-wake-" + mailbox.label()).factory());
    }

    Mailbox mailbox() {
        return mailbox;
    }

    /** Time spent waiting on the server's answers to searching, reading and marking since this reader started. */
    Duration serverTime() {
        return Duration.ofNanos(serverNanos.get());
    }

    MailboxPoller start() {
        thread = Thread.ofVirtual().name("mailbox-" + mailbox.label()).start(this::run);
        return this;
    }

    MailboxStatus status() {
        return new MailboxStatus(mailbox.label(), mailbox.protocol() + "://" + mailbox.username() + "@"
                + mailbox.host() + ":" + mailbox.port() + "/" + mailbox.folder(), state, error, lastPollAt,
                processed.get(), ignored.get());
    }

    /** Looks for new mail now instead of at the end of the wait. */
    void wake() {
        lock.lock();
        try {
            wakeRequested = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
        endIdle();
    }

    @Override
    public void close() {
        stopping = true;
        wake();
        Store s = store;
        if (s != null) {
            try {
                s.close();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Closing mailbox {}: {}", mailbox.label(), e.getMessage());
            }
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        timer.shutdownNow();
        state = MailboxStatus.State.STOPPED;
    }

    private void run() {
        Duration backoff = settings.reconnectBackoff();
        while (!stopping) {
            try {
                connect();
                backoff = settings.reconnectBackoff();
                while (!stopping) {
                    drain();
                    awaitMail();
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                if (stopping) {
                    break;
                }
                state = MailboxStatus.State.ERROR;
                error = concise(e);
                log.warn("Mailbox {}: {}; trying again in {}", mailbox.label(), error, backoff);
                pause(backoff);
                backoff = backoff.multipliedBy(2).compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff()
                        : backoff.multipliedBy(2);
            } finally {
                disconnect();
            }
        }
        state = MailboxStatus.State.STOPPED;
    }

    private void connect() throws MessagingException {
        state = MailboxStatus.State.CONNECTING;
        Properties p = new Properties();
        String protocol = mailbox.protocol();
        p.setProperty("mail." + protocol + ".peek", "true");
        // The whole message is needed anyway; fetching it in 16 KiB pieces costs a round trip per piece.
        p.setProperty("mail." + protocol + ".partialfetch", "false");
        p.setProperty("mail." + protocol + ".connectiontimeout", "20000");
        p.setProperty("mail." + protocol + ".timeout", "60000");
        p.setProperty("mail." + protocol + ".writetimeout", "60000");
        if (protocol.equals("imap")) {
            p.put("mail.imap.socketFactory", NoDelaySocketFactory.INSTANCE);
        }
        Session session = Session.getInstance(p);
        Store s = session.getStore(protocol);
        store = s;
        s.connect(mailbox.host(), mailbox.port(), mailbox.username(), mailbox.password());
        Folder f = s.getFolder(mailbox.folder());
        f.open(Folder.READ_WRITE);
        folder = f;
        state = MailboxStatus.State.CONNECTED;
        error = null;
    }

    private void drain() throws MessagingException, IOException {
        Folder f = java.util.Objects.requireNonNull(folder);
        boolean keywords = f.getPermanentFlags().contains(Flags.Flag.USER);
        SearchTerm notDone = keywords ? new NotTerm(new FlagTerm(new Flags(DONE_KEYWORD), true))
                : new FlagTerm(new Flags(Flags.Flag.SEEN), false);
        Flags done = new Flags(Flags.Flag.SEEN);
        if (keywords) {
            done.add(DONE_KEYWORD);
        }
        long asked = System.nanoTime();
        Message[] found = f.search(notDone);
        serverNanos.addAndGet(System.nanoTime() - asked);
        lastPollAt = clock.instant();
        state = MailboxStatus.State.CONNECTED;
        FetchProfile sizes = new FetchProfile();
        sizes.add(FetchProfile.Item.SIZE);
        sizes.add(FetchProfile.Item.FLAGS);
        sizes.add(IMAPFolder.FetchProfileItem.INTERNALDATE);
        asked = System.nanoTime();
        f.fetch(found, sizes);
        serverNanos.addAndGet(System.nanoTime() - asked);
        for (Message[] batch : batches(found, settings.batchSize())) {
            if (stopping) {
                return;
            }
            drain(f, batch, keywords, done);
        }
    }

    /**
     * Reads a batch in one exchange, ingests its messages one by one, then marks them done in one command:
     * each round trip to the server is shared by the batch. A failure before marking means the batch is
     * read again, and ingestion recognises the messages already recorded.
     */
    private void drain(Folder f, Message[] batch, boolean keywords, Flags done) throws MessagingException, IOException {
        FetchProfile whole = new FetchProfile();
        whole.add(IMAPFolder.FetchProfileItem.MESSAGE);
        long asked = System.nanoTime();
        f.fetch(batch, whole);
        serverNanos.addAndGet(System.nanoTime() - asked);
        List<Message> handled = new ArrayList<>();
        for (Message message : batch) {
            if (stopping) {
                break;
            }
            if (message.isExpunged() || keywords && message.getFlags().contains(DONE_KEYWORD)) {
                continue;
            }
            EmailIngestion.Outcome outcome = ingest(message);
            if (outcome != null) {
                afterIngest.ingested(outcome);
                (outcome instanceof EmailIngestion.SetAside ? ignored : processed).incrementAndGet();
            }
            handled.add(message);
        }
        if (!handled.isEmpty()) {
            asked = System.nanoTime();
            f.setFlags(handled.toArray(Message[]::new), done, true);
            serverNanos.addAndGet(System.nanoTime() - asked);
        }
    }

    /** Consecutive batches of at most {@code limit} messages and {@value #BATCH_BYTES} bytes. */
    private static List<Message[]> batches(Message[] messages, int limit) throws MessagingException {
        List<Message[]> batches = new ArrayList<>();
        List<Message> batch = new ArrayList<>();
        long bytes = 0;
        for (Message m : messages) {
            long size = Math.max(0, m.getSize());
            if (!batch.isEmpty() && (batch.size() >= limit || bytes + size > BATCH_BYTES)) {
                batches.add(batch.toArray(Message[]::new));
                batch.clear();
                bytes = 0;
            }
            batch.add(m);
            bytes += size;
        }
        if (!batch.isEmpty()) {
            batches.add(batch.toArray(Message[]::new));
        }
        return batches;
    }

    /** Ingests one message; null when it failed for reasons of its own and will be tried again. */
    private EmailIngestion.@Nullable Outcome ingest(Message message) throws MessagingException, IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        message.writeTo(raw);
        byte[] bytes = raw.toByteArray();
        java.util.Date received = message.getReceivedDate();
        try {
            return ingestion.ingest(mailbox.label(), bytes, received == null ? null : received.toInstant());
        } catch (DataAccessException | TransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            String key = EmailIngestion.sha256(bytes);
            int attempts = failures.merge(key, 1, Integer::sum);
            log.warn("Mailbox {}: a message could not be recorded (attempt {} of {}): {}", mailbox.label(),
                    attempts, ATTEMPTS, concise(e));
            if (attempts < ATTEMPTS) {
                throw e;
            }
            failures.remove(key);
            return ingestion.setAsideUnrecordable(mailbox.label(), bytes, concise(e), clock.instant());
        }
    }

    private void awaitMail() throws MessagingException {
        Store s = store;
        Folder f = folder;
        state = MailboxStatus.State.IDLE;
        if (takeWake()) {
            return;
        }
        if (mailbox.idle() && s instanceof IMAPStore imap && imap.hasCapability("IDLE") && f instanceof IMAPFolder idling) {
            // IDLE returns when the server reports new mail; the timer ends it after the poll interval anyway,
            // since some servers drop idle connections silently.
            ScheduledFuture<?> ending = timer.schedule(this::endIdle, settings.pollInterval().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                idling.idle(true);
            } finally {
                ending.cancel(false);
            }
            return;
        }
        pause(settings.pollInterval());
    }

    /** Ends a running IDLE: any other command on the folder makes Jakarta Mail send DONE first. */
    private void endIdle() {
        Folder f = folder;
        if (f != null && f.isOpen()) {
            try {
                f.getMessageCount();
            } catch (MessagingException | RuntimeException e) {
                log.debug("Mailbox {}: ending IDLE: {}", mailbox.label(), e.getMessage());
            }
        }
    }

    private boolean takeWake() {
        lock.lock();
        try {
            boolean requested = wakeRequested;
            wakeRequested = false;
            return requested;
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the given time, or less when woken or stopped. */
    private void pause(Duration duration) {
        lock.lock();
        try {
            long nanos = duration.toNanos();
            while (!wakeRequested && !stopping && nanos > 0) {
                nanos = woken.awaitNanos(nanos);
            }
            wakeRequested = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        } finally {
            lock.unlock();
        }
    }

    private void disconnect() {
        Folder f = folder;
        folder = null;
        Store s = store;
        store = null;
        try {
            if (f != null && f.isOpen()) {
                f.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Mailbox {}: closing the folder: {}", mailbox.label(), e.getMessage());
        }
        try {
            if (s != null) {
                s.close();
            }
        } catch (MessagingException | RuntimeException e) {
            log.debug("Mailbox {}: closing the connection: {}", mailbox.label(), e.getMessage());
        }
    }

    private static String concise(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (cause != e && cause.getMessage() != null && !message.contains(cause.getMessage())) {
            message = message + ": " + cause.getMessage();
        }
        return message.length() > 300 ? message.substring(0, 300) + "…" : message;
    }
}

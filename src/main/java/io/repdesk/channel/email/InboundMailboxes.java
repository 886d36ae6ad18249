package io.repdesk.channel.email;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Service;

import io.repdesk.channel.IgnoredEmail;
import io.repdesk.channel.InboundEmail;
import io.repdesk.channel.MailboxStatus;
import io.repdesk.channel.RefusedFile;
import io.repdesk.channel.email.InboundEmailSettings.Mailbox;
import io.repdesk.cluster.ClusterJobs;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Periodic;

/**
 * Runs a {@link MailboxPoller} for every configured mailbox while the application runs (not during one-off
 * commands such as reindex), and answers the workspace's questions about inbound email. With several nodes the
 * configured mailboxes are read by the one node holding the {@value #JOB} lease; another takes over when it goes.
 */
@Service
class InboundMailboxes implements InboundEmail, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InboundMailboxes.class);

    static final String JOB = "email-inbound";

    private final InboundEmailSettings settings;
    private final EmailIngestion ingestion;
    private final IgnoredEmails ignored;
    private final RefusedFiles refused;
    private final Clock clock;
    private final boolean oneOffCommand;
    private final ClusterJobs cluster;
    private final List<MailboxPoller> pollers = new CopyOnWriteArrayList<>();
    /** The pollers of the configured mailboxes, while this node holds the lease. */
    private final List<MailboxPoller> configured = new CopyOnWriteArrayList<>();
    private volatile boolean running;
    private @Nullable Periodic lease;

    InboundMailboxes(InboundEmailSettings settings, EmailIngestion ingestion, IgnoredEmails ignored,
            RefusedFiles refused, Clock clock, @Value("${repdesk.command:}") String command, ClusterJobs cluster) {
        this.settings = settings;
        this.cluster = cluster;
        this.ingestion = ingestion;
        this.ignored = ignored;
        this.refused = refused;
        this.clock = clock;
        this.oneOffCommand = !command.isBlank();
    }

    @Override
    public void start() {
        running = true;
        if (oneOffCommand || settings.mailboxes().isEmpty()) {
            return;
        }
        lease = Periodic.every("email-inbound-lease", Duration.ZERO, Duration.ofSeconds(1), this::followLease,
                () -> cluster.leave(JOB));
    }

    /** Reads the configured mailboxes while this node holds the lease, and stops reading when it does not. */
    private synchronized void followLease() {
        boolean held = cluster.holds(JOB);
        if (held && configured.isEmpty()) {
            for (Mailbox mailbox : settings.mailboxes()) {
                configured.add(start(mailbox, outcome -> {
                }));
                log.info("Reading email from {} ({}://{}:{}/{})", mailbox.label(), mailbox.protocol(), mailbox.host(),
                        mailbox.port(), mailbox.folder());
            }
        } else if (!held && !configured.isEmpty()) {
            log.info("Another node reads the mailboxes now");
            stopConfigured();
        }
    }

    private void stopConfigured() {
        configured.forEach(this::stop);
        configured.clear();
    }

    /** Starts reading another mailbox (the benchmark and tests add theirs this way). */
    MailboxPoller start(Mailbox mailbox, MailboxPoller.AfterIngest afterIngest) {
        return start(mailbox, settings, afterIngest);
    }

    /** Starts reading another mailbox with its own timings. */
    MailboxPoller start(Mailbox mailbox, InboundEmailSettings timings, MailboxPoller.AfterIngest afterIngest) {
        MailboxPoller poller = new MailboxPoller(mailbox, timings, ingestion, clock, afterIngest).start();
        pollers.add(poller);
        return poller;
    }

    /** Stops one poller and forgets it. */
    void stop(MailboxPoller poller) {
        poller.close();
        pollers.remove(poller);
    }

    @Override
    public void stop() {
        running = false;
        if (lease != null) {
            lease.close();
            lease = null;
        }
        configured.clear();
        pollers.forEach(MailboxPoller::close);
        pollers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public List<MailboxStatus> mailboxes() {
        return pollers.stream().map(MailboxPoller::status).toList();
    }

    @Override
    public Page<IgnoredEmail> ignored(PageRequest page) {
        return ignored.page(page);
    }

    @Override
    public Map<ContactId, List<RefusedFile>> refusedFiles(List<ContactId> contacts) {
        return refused.of(contacts);
    }
}

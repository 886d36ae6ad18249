package io.repdesk.channel.email;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.repdesk.channel.email.InboundEmailSettings.Mailbox;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** GreenMail as a real IMAP server in this JVM, on a port that stays the same across a restart. */
final class TestMailServer implements AutoCloseable {

    /** Short waits, so that reconnecting after a test's deliberate outage takes moments. */
    static final InboundEmailSettings FAST = new InboundEmailSettings(List.of(), Duration.ofSeconds(2),
            Duration.ofMillis(100), Duration.ofMillis(400), 50);

    private static final Session SESSION = Session.getInstance(new java.util.Properties());

    private final GreenMail greenMail;
    private final int port;

    private TestMailServer(int port) {
        this.port = port;
        this.greenMail = new KeepingGreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        greenMail.start();
    }

    static TestMailServer start() {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TestMailServer(port);
    }

    /** Creates a user and the mailbox settings that read its inbox. */
    Mailbox mailbox(String user) {
        owner(user);
        return new Mailbox(user, "127.0.0.1", port, "imap", user, "secret", "INBOX", true);
    }

    void deliver(String user, String message) {
        deliver(user, message.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    void deliver(String user, byte[] raw) {
        try {
            deliver(user, new MimeMessage(SESSION, new ByteArrayInputStream(raw)));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    void deliver(String user, MimeMessage message) {
        owner(user).deliver(message);
    }

    private GreenMailUser owner(String user) {
        GreenMailUser owner = greenMail.getUserManager().getUser(user);
        return owner != null ? owner : greenMail.setUser(user + "@support.test", user, "secret");
    }

    /** The messages in the user's inbox with their flags as the server keeps them. */
    List<StoredMessage> inbox(String user) {
        try {
            return greenMail.getManagers().getImapHostManager()
                    .getInbox(greenMail.getUserManager().getUser(user)).getMessages();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether every message in the inbox is marked done by repdesk. */
    boolean allDone(String user) {
        List<StoredMessage> messages = inbox(user);
        return !messages.isEmpty() && messages.stream()
                .allMatch(m -> m.getFlags().contains(MailboxPoller.DONE_KEYWORD) && m.isSet(jakarta.mail.Flags.Flag.SEEN));
    }

    void stop() {
        greenMail.stop();
    }

    void restart() {
        greenMail.start();
    }

    boolean running() {
        return greenMail.isRunning();
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    /** A GreenMail whose users and messages outlive a stop, as a real server's disk does. */
    private static final class KeepingGreenMail extends GreenMail {

        KeepingGreenMail(ServerSetup setup) {
            super(setup);
        }

        @Override
        public synchronized void stop() {
            com.icegreen.greenmail.Managers kept = managers;
            super.stop();
            managers = kept;
        }
    }
}

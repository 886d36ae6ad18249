package io.repdesk;

import java.util.Arrays;
import java.util.List;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

/**
 * The integration tests' mail server: a real SMTP server (GreenMail) on a free port, which repdesk's outbox
 * sends to. The background sender is off in tests ({@code dispatch-interval=0s}): a test sends the outbox
 * with {@code EmailOutbox.dispatchDue()} when it wants mail to go out.
 */
public final class TestMail implements AutoCloseable {

    private final int smtpPort;
    private volatile GreenMail server;

    TestMail() {
        server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        server.start();
        smtpPort = server.getSmtp().getPort();
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** Every message received since the server (re)started. */
    public List<MimeMessage> received() {
        return Arrays.asList(server.getReceivedMessages());
    }

    /** The messages received for one address. */
    public List<MimeMessage> receivedBy(String address) {
        return received().stream().filter(m -> sentTo(m, address)).toList();
    }

    /** Takes the server down, as in an outage: connections are refused until {@link #restart()}. */
    public void stop() {
        server.stop();
    }

    /** Brings the server back on the same port, with an empty mail store. */
    public void restart() {
        GreenMail again = new GreenMail(new ServerSetup(smtpPort, ServerSetupTest.SMTP.getBindAddress(), "smtp"));
        again.start();
        server = again;
    }

    @Override
    public void close() {
        server.stop();
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            Address[] to = message.getAllRecipients();
            String wanted = address.toLowerCase();
            return to != null && Arrays.stream(to).anyMatch(a -> a.toString().toLowerCase().contains(wanted));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean(destroyMethod = "close")
        TestMail testMail() {
            return new TestMail();
        }

        @Bean
        DynamicPropertyRegistrar testMailProperties(TestMail mail) {
            return registry -> {
                registry.add("repdesk.channel.email.outbound.host", ServerSetupTest.SMTP::getBindAddress);
                registry.add("repdesk.channel.email.outbound.port", mail::smtpPort);
                registry.add("repdesk.channel.email.outbound.security", () -> "NONE");
                registry.add("repdesk.channel.email.outbound.from-address", () -> "support@lumen.test");
                registry.add("repdesk.channel.email.outbound.dispatch-interval", () -> "0s");
                registry.add("repdesk.channel.email.outbound.timeout", () -> "5s");
            };
        }
    }
}

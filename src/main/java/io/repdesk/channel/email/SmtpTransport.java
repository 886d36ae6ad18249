package io.repdesk.channel.email;

import java.io.UnsupportedEncodingException;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import org.springframework.core.io.InputStreamSource;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

import io.repdesk.channel.OutboundMail;
import io.repdesk.contact.Attachment;
import io.repdesk.contact.AttachmentStore;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;

/** Speaks SMTP: turns an outbox mail into a MIME message (plain and HTML parts, files, threading headers). */
@Component
class SmtpTransport {

    /** Why a mail could not be sent; {@code permanent} when trying again cannot help (a refused address). */
    static final class SendFailure extends Exception {

        private final boolean permanent;

        SendFailure(String message, boolean permanent, Throwable cause) {
            super(message, cause);
            this.permanent = permanent;
        }

        boolean permanent() {
            return permanent;
        }
    }

    private final OutboundEmailSettings settings;
    private final AttachmentStore store;
    private final Session session;

    SmtpTransport(OutboundEmailSettings settings, AttachmentStore store) {
        this.settings = settings;
        this.store = store;
        this.session = Session.getInstance(properties(settings));
    }

    void send(OutboundMail mail, List<Attachment> files, Date sentAt) throws SendFailure {
        try {
            MimeMessage message = compose(mail, files, sentAt);
            try (Transport transport = session.getTransport(protocol())) {
                transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
                transport.sendMessage(message, message.getAllRecipients());
            }
        } catch (SendFailedException e) {
            boolean refused = e.getValidSentAddresses() == null || e.getValidSentAddresses().length == 0;
            throw new SendFailure(describe(e), refused && isAddressFailure(e), e);
        } catch (MessagingException e) {
            throw new SendFailure(describe(e), false, e);
        }
    }

    MimeMessage compose(OutboundMail mail, List<Attachment> files, Date sentAt) throws MessagingException {
        MimeMessage message = new FixedIdMessage(session, mail.messageId());
        boolean multipart = mail.html() != null || !files.isEmpty();
        MimeMessageHelper helper = new MimeMessageHelper(message,
                multipart ? MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED : MimeMessageHelper.MULTIPART_MODE_NO,
                "UTF-8");
        helper.setEncodeFilenames(true);
        try {
            helper.setFrom(new InternetAddress(settings.fromAddress(), settings.fromName(), "UTF-8"));
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is required by the Java platform", e);
        }
        helper.setTo(InternetAddress.parse(mail.recipient(), true));
        helper.setSubject(mail.subject());
        helper.setSentDate(sentAt);
        if (mail.html() != null) {
            helper.setText(mail.text(), mail.html());
        } else {
            helper.setText(mail.text());
        }
        for (Attachment file : files) {
            InputStreamSource bytes = () -> store.open(file.sha256());
            if (file.inline() && file.contentId() != null) {
                helper.addInline(file.contentId().replaceAll("^<|>$", ""), bytes, file.mediaType());
            } else {
                helper.addAttachment(file.filename(), bytes, file.mediaType());
            }
        }
        if (mail.inReplyTo() != null) {
            message.setHeader("In-Reply-To", mail.inReplyTo());
        }
        if (!mail.references().isEmpty()) {
            message.setHeader("References", MimeUtility.fold(12, String.join(" ", mail.references())));
        }
        message.setHeader("Auto-Submitted", mail.autoSubmitted() ? "auto-generated" : "no");
        if (mail.autoSubmitted()) {
            // Out-of-office responders should not answer machine-made mail.
            message.setHeader("X-Auto-Response-Suppress", "All");
        }
        message.saveChanges();
        return message;
    }

    private String protocol() {
        return settings.security() == OutboundEmailSettings.Security.TLS ? "smtps" : "smtp";
    }

    private static boolean isAddressFailure(SendFailedException e) {
        for (Exception next = e.getNextException(); next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed && failed.getReturnCode() >= 500) {
                return true;
            }
        }
        return false;
    }

    private static String describe(MessagingException e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause() != null ? e.getCause() : e.getNextException();
        if (cause != null && cause.getMessage() != null && !text.toString().contains(cause.getMessage())) {
            text.append(": ").append(cause.getMessage());
        }
        return text.length() > 500 ? text.substring(0, 500) : text.toString();
    }

    private static Properties properties(OutboundEmailSettings settings) {
        Properties p = new Properties();
        String prefix = settings.security() == OutboundEmailSettings.Security.TLS ? "mail.smtps." : "mail.smtp.";
        String millis = Long.toString(settings.timeout().toMillis());
        p.put(prefix + "connectiontimeout", millis);
        p.put(prefix + "timeout", millis);
        p.put(prefix + "writetimeout", millis);
        p.put(prefix + "auth", Boolean.toString(settings.username() != null && !settings.username().isBlank()));
        if (settings.security() == OutboundEmailSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
        }
        p.put(prefix + "from", settings.fromAddress());
        p.put("mail.mime.allowutf8", "false");
        return p;
    }

    /** A message whose Message-ID is the one fixed when it was queued, so every retry is the same message. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}

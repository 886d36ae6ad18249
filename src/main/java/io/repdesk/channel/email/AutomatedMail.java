package io.repdesk.channel.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Tells bounces and auto-replies from mail written by people, by the signs RFC 3464 and RFC 3834 define and
 * the headers common mail programs add. {@code X-Auto-Response-Suppress} asks others not to auto-reply; it
 * does not mark the message itself as one.
 */
final class AutomatedMail {

    private static final Set<String> DAEMONS = Set.of("mailer-daemon", "postmaster", "mail-daemon");

    private static final Set<String> AUTOMATIC_PRECEDENCE = Set.of("auto_reply", "bulk", "junk");

    private AutomatedMail() {
    }

    static Automated classify(MimeMessage message, String topType, @Nullable InternetAddress from,
            Set<String> embedded) {
        List<String> mentions = new ArrayList<>(embedded);
        addIds(mentions, EmailParser.header(message, "In-Reply-To"));
        addIds(mentions, EmailParser.header(message, "References"));
        String bounce = bounce(message, topType, from);
        if (bounce != null) {
            return new Automated(Automated.Kind.BOUNCE, bounce, List.copyOf(mentions));
        }
        String autoReply = autoReply(message, topType);
        if (autoReply != null) {
            return new Automated(Automated.Kind.AUTO_REPLY, autoReply, List.copyOf(mentions));
        }
        return Automated.PERSON;
    }

    private static @Nullable String bounce(MimeMessage message, String topType, @Nullable InternetAddress from) {
        if (topType.startsWith("multipart/report") && topType.contains("delivery-status")) {
            return "delivery status report";
        }
        if (from != null && from.getAddress() != null) {
            String local = from.getAddress().toLowerCase(Locale.ROOT);
            local = local.contains("@") ? local.substring(0, local.indexOf('@')) : local;
            if (DAEMONS.contains(local)) {
                return "sent by " + from.getAddress();
            }
        }
        String returnPath = EmailParser.header(message, "Return-Path");
        if (returnPath != null && returnPath.replaceAll("\\s", "").equals("<>")) {
            return "empty Return-Path (a delivery notification)";
        }
        return null;
    }

    private static @Nullable String autoReply(MimeMessage message, String topType) {
        if (topType.startsWith("multipart/report") && topType.contains("disposition-notification")) {
            return "read receipt";
        }
        String autoSubmitted = EmailParser.header(message, "Auto-Submitted");
        if (autoSubmitted != null && !autoSubmitted.isBlank()
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + autoSubmitted.strip();
        }
        for (String header : List.of("X-Autoreply", "X-Autorespond", "X-Autoresponder")) {
            String value = EmailParser.header(message, header);
            if (value != null && !value.strip().equalsIgnoreCase("no")) {
                return header + " header";
            }
        }
        String precedence = EmailParser.header(message, "Precedence");
        if (precedence != null && AUTOMATIC_PRECEDENCE.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
            return "Precedence: " + precedence.strip();
        }
        return null;
    }

    private static void addIds(List<String> into, @Nullable String value) {
        if (value == null) {
            return;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<[^<>\\s]+>").matcher(value);
        while (m.find()) {
            if (!into.contains(m.group())) {
                into.add(m.group());
            }
        }
    }
}

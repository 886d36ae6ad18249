package io.repdesk.channel.email;

import java.util.UUID;

/** Small text helpers for mail repdesk writes. */
final class MailText {

    private MailText() {
    }

    /** A new, globally unique Message-ID in the given domain, with angle brackets. */
    static String newMessageId(String domain) {
        return "<" + UUID.randomUUID() + "@" + domain + ">";
    }

    /** The HTML part of a plain-text reply: the text escaped, its paragraphs and line breaks kept. */
    static String html(String text) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        for (String paragraph : text.strip().split("\\R\\s*\\R")) {
            html.append("<p>").append(escape(paragraph.strip()).replaceAll("\\R", "<br>")).append("</p>");
        }
        return html.append("</body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

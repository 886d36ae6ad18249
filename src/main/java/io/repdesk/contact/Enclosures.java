package io.repdesk.contact;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a contact carries besides its plain text: the HTML body as it arrived, its files, and the original
 * message. HTML is stored as received and sanitized wherever it is shown.
 */
public record Enclosures(@Nullable String html, List<NewAttachment> attachments, @Nullable NewAttachment original) {

    public Enclosures {
        attachments = List.copyOf(attachments);
    }

    public static Enclosures none() {
        return new Enclosures(null, List.of(), null);
    }

    public static Enclosures of(List<NewAttachment> attachments) {
        return new Enclosures(null, attachments, null);
    }
}

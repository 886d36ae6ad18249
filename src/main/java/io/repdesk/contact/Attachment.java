package io.repdesk.contact;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.ContactId;

/**
 * A file attached to a contact. The bytes live in the attachment store under {@code sha256}.
 *
 * @param position the attachment's place among the contact's attachments, from 0
 * @param original whether this is the whole message as it arrived (an email's .eml source)
 */
public record Attachment(ContactId contactId, int position, String filename, String mediaType, long size,
        String sha256, @Nullable String contentId, boolean inline, boolean original) {
}

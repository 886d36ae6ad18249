package io.repdesk.channel;

import io.repdesk.shared.ContactId;

/** A file that came with an inbound email but was not kept, and why (usually: larger than the limit). */
public record RefusedFile(ContactId contactId, int position, String filename, String mediaType, long size,
        String reason) {
}

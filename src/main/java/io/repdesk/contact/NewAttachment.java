package io.repdesk.contact;

import org.jspecify.annotations.Nullable;

/**
 * A file to attach to a contact being recorded; its bytes are already in the {@link AttachmentStore}.
 *
 * @param contentId the MIME Content-ID that an HTML body refers to ({@code cid:...}), for inline images
 * @param inline whether the file is shown inside the body rather than offered as a download
 */
public record NewAttachment(String filename, String mediaType, StoredFile file, @Nullable String contentId,
        boolean inline) {
}

package io.repdesk.channel.email;

import java.io.IOException;
import java.io.InputStream;

import org.jspecify.annotations.Nullable;

/**
 * A file inside an email: an attachment, an inline image, or a forwarded message kept as {@code .eml}.
 *
 * @param contentId the Content-ID without angle brackets, which an HTML body names as {@code cid:...}
 */
record EmailPart(String filename, String mediaType, @Nullable String contentId, boolean inline, Content content) {

    /** Opens the part's decoded bytes; may be called more than once. */
    @FunctionalInterface
    interface Content {
        InputStream open() throws IOException;
    }
}

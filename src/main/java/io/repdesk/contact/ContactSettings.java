package io.repdesk.contact;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the contact timeline.
 *
 * @param attachmentDir where attachment files are kept; by default {@code attachments} in the data directory
 * @param attachmentMaxBytes the largest file accepted, per file
 */
@ConfigurationProperties("repdesk.contact")
record ContactSettings(@Nullable Path attachmentDir, long attachmentMaxBytes) {

    ContactSettings {
        attachmentMaxBytes = attachmentMaxBytes <= 0 ? 10L * 1024 * 1024 : attachmentMaxBytes;
    }
}

package io.repdesk;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a backup archive holds, written as its last entry ({@code manifest.json}): where it came from, the schema
 * version, row counts, the tables and sequences of the database, and the SHA-256 of every other entry.
 *
 * @param format the archive layout; a restore refuses a format it does not know
 * @param repdesk the version of the repdesk that wrote it, {@code unknown} when run from the sources
 * @param schemaVersion the newest Flyway migration applied to the database
 * @param counts rows of the tables people ask about (contacts, cases, needs, journal entries) and attachment files
 * @param entries archive entry name to the hex SHA-256 of its bytes
 */
record BackupManifest(int format, String repdesk, String createdAt, String dataDirectory, String schemaVersion,
        String postgres, Map<String, Long> counts, List<Table> tables, List<SequenceValue> sequences,
        Map<String, String> entries) {

    static final int FORMAT = 1;

    /** One table's rows, copied in PostgreSQL's binary COPY format with these columns in this order. */
    record Table(String name, List<String> columns, long rows) {

        String entry() {
            return BackupArchive.DATABASE + name + ".copy";
        }
    }

    /** A sequence's last value, set again after the rows are loaded; {@code null}: never used. */
    record SequenceValue(String name, @Nullable Long lastValue) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    byte[] toJson() {
        return JSON.writeValueAsBytes(this);
    }

    static BackupManifest read(InputStream in) throws IOException {
        try {
            BackupManifest manifest = JSON.readValue(in.readAllBytes(), BackupManifest.class);
            if (manifest.format() != FORMAT) {
                throw new IOException("its manifest has format " + manifest.format() + "; this repdesk reads format "
                        + FORMAT);
            }
            return manifest;
        } catch (JacksonException e) {
            throw new IOException("its manifest is not readable: " + e.getOriginalMessage(), e);
        }
    }
}

package io.repdesk;

import static io.repdesk.BackupIntegrationTests.files;
import static io.repdesk.BackupIntegrationTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.repdesk.BackupIntegrationTests.Output;

/** Restore refuses what it must refuse, before it touches the target: damaged archives, data in the way, a running repdesk. */
class RestoreIntegrationTests {

    private static final byte[] RECEIPT = "a receipt the customer sent".getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path shared;

    static Path archive;

    @TempDir
    Path work;

    /** A stopped data directory with a migrated database, two journal entries and one attachment, backed up. */
    @BeforeAll
    static void backUpAStoppedDataDirectory() throws Exception {
        Path data = shared.resolve("source");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.resolve("postgres"), false)) {
            Flyway.configure().dataSource(server.jdbcUrl(), "postgres", "").locations(SchemaVersions.LOCATION).load()
                    .migrate();
            try (Connection c = DriverManager.getConnection(server.jdbcUrl())) {
                c.createStatement().execute("""
                        insert into journal_event (stream, stream_id, type, actor, payload) values
                        ('test', gen_random_uuid(), 'Kept', 'test', '{"n": 1}'),
                        ('test', gen_random_uuid(), 'Kept', 'test', '{"n": 2}')""");
            }
        }
        String sha256 = BackupArchive.hash(new java.io.ByteArrayInputStream(RECEIPT));
        Path file = data.resolve("attachments").resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4))
                .resolve(sha256);
        Files.createDirectories(file.getParent());
        Files.write(file, RECEIPT);
        archive = shared.resolve("backup.tar.gz");

        Output backup = run("backup", "--data", data.toString(), "--to", archive.toString());

        assertThat(backup.status()).as(backup.err()).isZero();
        assertThat(backup.out()).contains("Starting the embedded PostgreSQL").contains("1 attachment files");
    }

    @Test
    void anArchiveWithAChangedFileIsRefusedAndTheTargetIsNotTouched() throws IOException {
        Path changed = work.resolve("changed.tar.gz");
        rewrite(archive, changed, "attachments/", bytes -> {
            bytes[0] ^= 1;
            return bytes;
        });
        Path target = work.resolve("target");

        Output restore = run("restore", changed.toString(), "--data", target.toString());

        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).contains("is damaged").contains("attachments/").contains("the manifest says")
                .contains("nothing was restored");
        assertThat(target).doesNotExist();
    }

    @Test
    void aTruncatedArchiveIsRefusedAndTheTargetIsNotTouched() throws IOException {
        Path truncated = work.resolve("truncated.tar.gz");
        byte[] bytes = Files.readAllBytes(archive);
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length / 2));
        Path target = work.resolve("target");

        Output restore = run("restore", truncated.toString(), "--data", target.toString());

        assertThat(restore.status()).isEqualTo(1);
        assertThat(restore.err()).contains("is damaged").contains("nothing was restored");
        assertThat(target).doesNotExist();
    }

    @Test
    void aTargetHoldingDataIsRefusedUnlessForcedAndThenReplaced() throws Exception {
        Path target = work.resolve("target");
        Path stray = target.resolve("attachments/ff/ff/" + "f".repeat(64));
        Files.createDirectories(stray.getParent());
        Files.writeString(stray, "an attachment of the data that was here");

        Output refused = run("restore", archive.toString(), "--data", target.toString());

        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.err()).contains("already holds").contains("--force");
        assertThat(stray).exists();
        assertThat(target.resolve("postgres")).doesNotExist();

        Output forced = run("restore", archive.toString(), "--data", target.toString(), "--force");

        assertThat(forced.status()).as(forced.err()).isZero();
        assertThat(forced.out()).contains("Verifying").contains("Restoring").contains("2 journal entries");
        assertThat(stray).doesNotExist();
        assertThat(files(target.resolve("attachments"))).isEqualTo(files(shared.resolve("source/attachments")));
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(target.resolve("postgres"), false);
                Connection c = DriverManager.getConnection(server.jdbcUrl())) {
            var rs = c.createStatement().executeQuery("select string_agg(payload->>'n', ',' order by sequence) from journal_event");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("1,2");
            c.createStatement().execute("insert into journal_event (stream, stream_id, type, actor, payload)"
                    + " values ('test', gen_random_uuid(), 'Next', 'test', '{}')");
            rs = c.createStatement().executeQuery("select max(sequence) from journal_event");
            rs.next();
            assertThat(rs.getLong(1)).as("the journal's sequence continues after the restored entries").isEqualTo(3);
        }
    }

    @Test
    void aDataDirectoryInUseIsRefused() throws IOException {
        Path target = work.resolve("target");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(target.resolve("postgres"), false)) {
            Output restore = run("restore", archive.toString(), "--data", target.toString(), "--force");

            assertThat(restore.status()).isEqualTo(1);
            assertThat(restore.err()).contains("repdesk is running on " + target).contains("stop it");
        }
    }

    /** Copies a tar.gz, passing the bytes of entries whose names start with prefix through change. */
    private static void rewrite(Path from, Path to, String prefix, java.util.function.UnaryOperator<byte[]> change)
            throws IOException {
        try (TarArchiveInputStream in = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(from)));
                TarArchiveOutputStream out = new TarArchiveOutputStream(
                        new GzipCompressorOutputStream(Files.newOutputStream(to)))) {
            out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (entry.getName().startsWith(prefix)) {
                    bytes = change.apply(bytes);
                }
                TarArchiveEntry copy = new TarArchiveEntry(entry.getName());
                copy.setSize(bytes.length);
                out.putArchiveEntry(copy);
                out.write(bytes);
                out.closeArchiveEntry();
            }
        }
    }
}

package io.repdesk;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.flywaydb.core.Flyway;

import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk restore}: checks every entry of the archive against its manifest before touching anything, then
 * builds the database in a fresh embedded cluster (the schema by Flyway up to the archive's version, the rows by
 * COPY) and the attachment files beside the target, and only when both are complete puts them in place. The old
 * search index is removed; repdesk rebuilds it from the journal at its next start.
 */
final class Restore {

    private final DataDirectory data;
    private final PrintStream out;

    Restore(DataDirectory data, PrintStream out) {
        this.data = data;
        this.out = out;
    }

    BackupManifest restore(Path archive, boolean force) {
        data.running().ifPresent(running -> {
            throw new BackupFailed("repdesk is running on " + data.root() + " (PostgreSQL process " + running.pid()
                    + "); stop it before restoring into that data directory");
        });
        if (data.holdsData() && !force) {
            throw new BackupFailed(data.root() + " already holds a repdesk database or attachments; restore into an"
                    + " empty data directory (--data DIR) or add --force to replace what is there");
        }
        BackupManifest manifest = verify(archive);
        SchemaVersions.requireKnown(manifest.schemaVersion());
        Path stagedPostgres = data.postgres().resolveSibling(data.postgres().getFileName() + ".restoring");
        Path stagedAttachments = data.attachments().resolveSibling(data.attachments().getFileName() + ".restoring");
        try {
            Backup.deleteTree(stagedPostgres);
            Backup.deleteTree(stagedAttachments);
            Files.createDirectories(stagedAttachments);
            unpack(archive, manifest, stagedPostgres, stagedAttachments);
            putInPlace(stagedPostgres, stagedAttachments);
            return manifest;
        } catch (IOException e) {
            throw new BackupFailed("Could not restore " + archive + " into " + data.root() + ": " + e.getMessage()
                    + "; the data directory was left as it was", e);
        } catch (SQLException e) {
            throw new BackupFailed("Could not load the database from " + archive + ": " + e.getMessage()
                    + "; the data directory was left as it was", e);
        } finally {
            Backup.deleteTree(stagedPostgres);
            Backup.deleteTree(stagedAttachments);
        }
    }

    /** Reads the whole archive once: every entry belongs to the layout and has the SHA-256 its manifest names. */
    private BackupManifest verify(Path archive) {
        Map<String, String> found = new HashMap<>();
        BackupManifest manifest = null;
        ProgressBar bar = new ProgressBar(out, "Verifying  ", size(archive));
        try (Counting counted = new Counting(Files.newInputStream(archive));
                TarArchiveInputStream tar = tar(counted)) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                String name = entry.getName();
                if (name.equals(BackupArchive.MANIFEST)) {
                    manifest = BackupManifest.read(tar);
                } else if (BackupArchive.isTable(name) || BackupArchive.isAttachment(name)) {
                    found.put(name, BackupArchive.hash(tar));
                } else {
                    throw damaged(archive, "it holds an entry '" + name + "' that is no part of a repdesk backup");
                }
                bar.update(counted.count);
            }
            bar.done();
        } catch (IOException e) {
            out.println();
            throw damaged(archive, e.getMessage());
        }
        if (manifest == null) {
            throw damaged(archive, "it has no " + BackupArchive.MANIFEST);
        }
        for (Map.Entry<String, String> expected : manifest.entries().entrySet()) {
            String actual = found.remove(expected.getKey());
            if (actual == null) {
                throw damaged(archive, expected.getKey() + " is missing");
            }
            if (!actual.equals(expected.getValue())) {
                throw damaged(archive, expected.getKey() + " has SHA-256 " + actual + ", the manifest says "
                        + expected.getValue());
            }
        }
        if (!found.isEmpty()) {
            throw damaged(archive, "it holds entries its manifest does not list: " + found.keySet());
        }
        return manifest;
    }

    private void unpack(Path archive, BackupManifest manifest, Path stagedPostgres, Path stagedAttachments)
            throws IOException, SQLException {
        out.println("Creating a fresh embedded PostgreSQL with schema version " + manifest.schemaVersion());
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(stagedPostgres, false)) {
            Flyway.configure().dataSource(server.jdbcUrl(), "postgres", "").locations(SchemaVersions.LOCATION)
                    .target(manifest.schemaVersion()).load().migrate();
            ProgressBar bar = new ProgressBar(out, "Restoring  ", size(archive));
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl());
                    DatabaseDump.Load load = new DatabaseDump.Load(connection, manifest.tables());
                    Counting counted = new Counting(Files.newInputStream(archive));
                    TarArchiveInputStream tar = tar(counted)) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (BackupArchive.isTable(name)) {
                        load.table(BackupArchive.tableOf(name), new Unclosable(tar));
                    } else if (BackupArchive.isAttachment(name)) {
                        Path file = stagedAttachments.resolve(name.substring(BackupArchive.ATTACHMENTS.length()));
                        Files.createDirectories(file.getParent());
                        try (OutputStream written = Files.newOutputStream(file)) {
                            if (!BackupArchive.copyHashing(tar, written).equals(manifest.entries().get(name))) {
                                throw new IOException(name + " changed since it was verified");
                            }
                        }
                    }
                    bar.update(counted.count);
                }
                load.finish(manifest.sequences());
                bar.done();
            }
        }
    }

    /** Replaces the old database and attachments by the staged ones and removes the search index. */
    private void putInPlace(Path stagedPostgres, Path stagedAttachments) throws IOException {
        Backup.deleteTree(data.postgres());
        Backup.deleteTree(data.attachments());
        Backup.deleteTree(data.index());
        Files.createDirectories(data.postgres().getParent());
        Files.move(stagedPostgres, data.postgres());
        Files.createDirectories(data.attachments().getParent());
        Files.move(stagedAttachments, data.attachments());
    }

    private static TarArchiveInputStream tar(InputStream in) throws IOException {
        return new TarArchiveInputStream(new GzipCompressorInputStream(new BufferedInputStream(in, 1 << 16)));
    }

    private static long size(Path archive) {
        try {
            return Files.size(archive);
        } catch (IOException e) {
            throw new BackupFailed("restore FILE: cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    private static BackupFailed damaged(Path archive, String why) {
        return new BackupFailed(archive + " is damaged or not a repdesk backup: " + why + "; nothing was restored");
    }

    /** Counts the compressed bytes read, for the progress bar. */
    private static final class Counting extends FilterInputStream {

        private long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b >= 0 ? 1 : 0;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(n, 0);
            return n;
        }
    }

    /** Hands one tar entry to a reader that would otherwise close the whole archive. */
    private static final class Unclosable extends FilterInputStream {

        Unclosable(InputStream in) {
            super(in);
        }

        @Override
        public void close() {
            // the archive stays open for the next entry
        }
    }
}

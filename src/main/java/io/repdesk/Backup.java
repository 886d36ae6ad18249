package io.repdesk;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

import io.repdesk.BackupManifest.Table;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk backup}: the database (one consistent snapshot), then the attachment files, then the manifest,
 * into one {@code .tar.gz}. Attachments are content-addressed and only ever added, so the files present after the
 * snapshot include every file its rows name. The search index is left out: it is rebuilt from the journal.
 */
final class Backup {

    private final DataDirectory data;
    private final PrintStream out;

    Backup(DataDirectory data, PrintStream out) {
        this.data = data;
        this.out = out;
    }

    /** Writes the archive to {@code target} (through a {@code .part} file, so a failed backup leaves nothing). */
    BackupManifest write(Path target) {
        if (!Files.isRegularFile(data.postgres().resolve("PG_VERSION"))) {
            throw new BackupFailed(data.root() + " holds no repdesk database (no " + data.postgres() + "); check --data");
        }
        if (Files.exists(target)) {
            throw new BackupFailed("--to " + target + " already exists; a backup never overwrites a file");
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        Path work = null;
        try {
            work = Files.createTempDirectory(target.toAbsolutePath().getParent(), ".repdesk-backup-");
            DatabaseDump.Snapshot snapshot = dump(work);
            List<Path> attachments = attachments();
            BackupManifest manifest = archive(part, work, snapshot, attachments);
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
            return manifest;
        } catch (IOException e) {
            throw new BackupFailed("Could not write the backup " + target + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new BackupFailed("Could not read the database in " + data.postgres() + ": " + e.getMessage(), e);
        } finally {
            deleteQuietly(part);
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private DatabaseDump.Snapshot dump(Path work) throws SQLException, IOException {
        Optional<DataDirectory.Running> running = data.running();
        if (running.isPresent()) {
            out.println("repdesk's PostgreSQL is running on " + data.root() + " (process " + running.get().pid()
                    + "); copying from it while it serves");
            try (Connection connection = DriverManager.getConnection(running.get().jdbcUrl())) {
                return dump(connection, work);
            }
        }
        out.println("Starting the embedded PostgreSQL in " + data.postgres() + " for the backup");
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.postgres(), false);
                Connection connection = DriverManager.getConnection(server.jdbcUrl())) {
            return dump(connection, work);
        }
    }

    private DatabaseDump.Snapshot dump(Connection connection, Path work) throws SQLException, IOException {
        ProgressBar bar = new ProgressBar(out, "Database   ", DatabaseDump.tableCount(connection));
        DatabaseDump.Snapshot snapshot = DatabaseDump.dump(connection, work, bar::update);
        bar.done();
        return snapshot;
    }

    private BackupManifest archive(Path part, Path work, DatabaseDump.Snapshot snapshot, List<Path> attachments)
            throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        ProgressBar bar = new ProgressBar(out, "Archive    ", snapshot.tables().size() + attachments.size());
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(
                new GzipCompressorOutputStream(new BufferedOutputStream(Files.newOutputStream(part), 1 << 16)))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Table table : snapshot.tables()) {
                if (!BackupArchive.isTable(table.entry())) {
                    throw new BackupFailed("Table " + table.name() + " has a name the archive layout cannot hold");
                }
                entries.put(table.entry(), add(tar, table.entry(), work.resolve(table.name() + ".copy")));
                bar.update(entries.size());
            }
            for (Path file : attachments) {
                String name = file.getFileName().toString();
                String entry = BackupArchive.ATTACHMENTS + name.substring(0, 2) + "/" + name.substring(2, 4) + "/" + name;
                String sha256 = add(tar, entry, file);
                if (!sha256.equals(name)) {
                    out.println();
                    out.println("Warning: attachment " + file + " does not match its SHA-256 name; it is damaged on disk"
                            + " and is backed up as it is");
                }
                entries.put(entry, sha256);
                bar.update(entries.size());
            }
            bar.done();
            BackupManifest manifest = manifest(snapshot, attachments.size(), entries);
            byte[] json = manifest.toJson();
            TarArchiveEntry entry = new TarArchiveEntry(BackupArchive.MANIFEST);
            entry.setSize(json.length);
            tar.putArchiveEntry(entry);
            tar.write(json);
            tar.closeArchiveEntry();
            return manifest;
        }
    }

    private static String add(TarArchiveOutputStream tar, String name, Path file) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(Files.size(file));
        entry.setModTime(Files.getLastModifiedTime(file));
        tar.putArchiveEntry(entry);
        String sha256;
        try (InputStream in = Files.newInputStream(file)) {
            sha256 = BackupArchive.copyHashing(in, tar);
        }
        tar.closeArchiveEntry();
        return sha256;
    }

    private BackupManifest manifest(DatabaseDump.Snapshot snapshot, int attachments, Map<String, String> entries) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("contacts", rows(snapshot, "contact_contact"));
        counts.put("cases", rows(snapshot, "casework_case"));
        counts.put("needs", rows(snapshot, "need_need"));
        counts.put("journal entries", rows(snapshot, "journal_event"));
        counts.put("attachment files", (long) attachments);
        String version = Optional.ofNullable(Backup.class.getPackage().getImplementationVersion()).orElse("unknown");
        return new BackupManifest(BackupManifest.FORMAT, version, Instant.now().toString(), data.root().toString(),
                snapshot.schemaVersion(), snapshot.postgres(), counts, snapshot.tables(), snapshot.sequences(), entries);
    }

    private static long rows(DatabaseDump.Snapshot snapshot, String table) {
        return snapshot.tables().stream().filter(t -> t.name().equals(table)).mapToLong(Table::rows).sum();
    }

    /** The stored attachment files, by name; files still being written (under {@code tmp/}) are not stored yet. */
    private List<Path> attachments() throws IOException {
        if (!Files.isDirectory(data.attachments())) {
            return List.of();
        }
        Path temporary = data.attachments().resolve("tmp");
        try (Stream<Path> files = Files.walk(data.attachments())) {
            return new ArrayList<>(files.filter(Files::isRegularFile).filter(f -> !f.startsWith(temporary))
                    .filter(f -> BackupArchive.isAttachment(BackupArchive.ATTACHMENTS
                            + data.attachments().relativize(f).toString().replace('\\', '/')))
                    .sorted().toList());
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(Backup::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + root, e);
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Left behind; a later run removes or ignores it.
        }
    }
}

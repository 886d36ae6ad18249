package io.repdesk;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

/**
 * {@code repdesk backup [--data DIR] [--to FILE|FOLDER]} and {@code repdesk restore FILE [--data DIR] [--force]}.
 * Both run without the application: they need the database and the files, not the web server.
 */
final class BackupCommand {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private BackupCommand() {
    }

    /** Runs the command and returns the exit status: 0 done, 1 refused or failed (the reason printed). */
    static int run(LaunchOptions options, Map<String, String> env, Clock clock, PrintStream out, PrintStream err) {
        quietLogging();
        DataDirectory data = DataDirectory.of(options.dataDir(), options.settings(), env);
        try {
            if (options.command() == LaunchOptions.Command.BACKUP) {
                Path target = target(options.evaluation().get("to"), clock);
                BackupManifest manifest = new Backup(data, out).write(target);
                out.println("Backed up " + data.root() + " to " + target + ": " + counts(manifest));
                out.println("The search index is not in the backup; it is rebuilt from the database after a restore.");
            } else {
                Path archive = Path.of(options.evaluation().get("archive"));
                BackupManifest manifest = new Restore(data, out).restore(archive,
                        options.evaluation().containsKey("force"));
                out.println("Restored " + archive.getFileName() + " (written " + manifest.createdAt() + " by repdesk "
                        + manifest.repdesk() + ", schema " + manifest.schemaVersion() + ") into " + data.root() + ": "
                        + counts(manifest));
                out.println("The search index is rebuilt from the journal when repdesk next starts"
                        + " (or now with 'repdesk reindex --data " + data.root() + "').");
            }
            return 0;
        } catch (BackupFailed e) {
            out.println();
            err.println("repdesk " + (options.command() == LaunchOptions.Command.BACKUP ? "backup" : "restore") + ": "
                    + e.getMessage());
            return 1;
        }
    }

    /** The archive to write: the file named, a timestamped file in the folder named, or one in the current folder. */
    static Path target(String to, Clock clock) {
        String name = "repdesk-backup-" + STAMP.format(clock.instant()) + ".tar.gz";
        if (to == null) {
            return Path.of(name).toAbsolutePath();
        }
        Path path = Path.of(to).toAbsolutePath();
        if (Files.isDirectory(path)) {
            return path.resolve(name);
        }
        if (!Files.isDirectory(path.getParent())) {
            throw new BackupFailed("--to " + to + ": the folder " + path.getParent() + " does not exist");
        }
        return path;
    }

    private static String counts(BackupManifest manifest) {
        StringBuilder text = new StringBuilder();
        manifest.counts().forEach((what, count) -> text.append(text.isEmpty() ? "" : ", ")
                .append(String.format("%,d %s", count, what)));
        return text.toString();
    }

    /** Without Spring's logging set-up the embedded PostgreSQL's start-up chatter would drown the progress bars. */
    private static void quietLogging() {
        if (LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME) instanceof Logger root) {
            root.setLevel(Level.WARN);
        }
    }
}

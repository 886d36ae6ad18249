package io.repdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * A repdesk data directory as backup and restore see it: the embedded PostgreSQL, the attachment files and the
 * search index (each may be configured elsewhere, as {@code repdesk.contact.attachment-dir} and
 * {@code repdesk.search.index-dir}).
 */
record DataDirectory(Path root, Path postgres, Path attachments, Path index) {

    static DataDirectory of(String dataDir, List<String> settings, Map<String, String> env) {
        Path root = Path.of(dataDir).toAbsolutePath().normalize();
        Path attachments = setting("repdesk.contact.attachment-dir", settings, env);
        Path index = setting("repdesk.search.index-dir", settings, env);
        return new DataDirectory(root, root.resolve("postgres"), attachments != null ? attachments : root.resolve("attachments"),
                index != null ? index : root.resolve("index"));
    }

    /** The PostgreSQL server that holds this directory now, if one does: its port and process. */
    Optional<Running> running() {
        Path pidFile = postgres.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).trim());
            int port = Integer.parseInt(lines.get(3).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(true))
                    .map(p -> new Running(pid, port));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether a database or attachment files are already here. */
    boolean holdsData() {
        return notEmpty(postgres) || notEmpty(attachments);
    }

    static boolean notEmpty(Path directory) {
        if (!Files.isDirectory(directory)) {
            return false;
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.findAny().isPresent();
        } catch (IOException e) {
            return true;
        }
    }

    private static @Nullable Path setting(String name, List<String> settings, Map<String, String> env) {
        String prefix = "--" + name + "=";
        String value = settings.stream().filter(s -> s.startsWith(prefix)).map(s -> s.substring(prefix.length()))
                .reduce((first, second) -> second)
                .orElse(env.get(name.toUpperCase().replace('.', '_').replace('-', '_')));
        return value == null || value.isBlank() ? null : Path.of(value).toAbsolutePath().normalize();
    }

    /** A PostgreSQL process serving this directory. */
    record Running(long pid, int port) {

        String jdbcUrl() {
            return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
        }
    }
}

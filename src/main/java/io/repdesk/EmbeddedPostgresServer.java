package io.repdesk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server started in-process from Maven Central binaries, keeping its files under the
 * data directory so a restart finds the same data. Stopped when the application context closes.
 */
final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedPostgresServer start(Path directory, boolean clean) {
        return start(directory, clean, false);
    }

    /**
     * Starts PostgreSQL on the directory. A clean start wipes it before and after and skips fsync (tests and
     * benchmarks); {@code keep} leaves its files in place at both ends, for a node started on them later.
     */
    static EmbeddedPostgresServer start(Path directory, boolean clean, boolean keep) {
        try {
            Files.createDirectories(directory);
            stopOrphan(directory);
            if (clean && !keep) {
                // what a run killed before it could wipe its data left behind (initdb wants an empty directory)
                FileSystemUtils.deleteRecursively(directory);
            }
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(clean && !keep)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "100")
                    // A scratch database is written in bulk by the benchmarks: more cache, fewer checkpoints.
                    .setServerConfig("shared_buffers", clean ? "512MB" : "128MB")
                    .setServerConfig("max_wal_size", clean ? "4GB" : "1GB")
                    .setServerConfig("fsync", clean ? "off" : "on")
                    .setServerConfig("synchronous_commit", clean ? "off" : "on")
                    .start();
            log.info("Embedded PostgreSQL running on port {} with data in {}", postgres.getPort(),
                    directory.toAbsolutePath());
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded PostgreSQL in " + directory.toAbsolutePath()
                    + ": " + e.getMessage(), e);
        }
    }

    String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /**
     * A server left running by a repdesk that was killed (not stopped) still holds the data directory;
     * it has no clients left, so it is asked to shut down before a new one starts.
     */
    private static void stopOrphan(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        String firstLine = Files.readAllLines(pidFile).stream().findFirst().orElse("").trim();
        Optional<ProcessHandle> orphan = parsePid(firstLine).flatMap(ProcessHandle::of)
                .filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
        orphan.ifPresent(process -> {
            log.warn("Stopping PostgreSQL process {} left over from an earlier run on {}", process.pid(), directory);
            process.destroy();
            process.onExit().orTimeout(30, java.util.concurrent.TimeUnit.SECONDS).join();
        });
    }

    private static Optional<Long> parsePid(String text) {
        try {
            return Optional.of(Long.parseLong(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() throws IOException {
        log.info("Stopping embedded PostgreSQL");
        postgres.close();
    }
}

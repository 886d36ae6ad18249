package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

class EmbeddedPostgresServerIntegrationTests {

    @TempDir
    Path data;

    @Test
    void aServerLeftRunningByAKilledRepdeskIsStoppedAndItsDataKept() throws Exception {
        Path directory = data.resolve("postgres");
        Process repdesk = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledRepdesk.class.getName(), directory.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(repdesk.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // PostgreSQL start-up chatter
            }
        }
        repdesk.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long orphanPid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid")).getFirst().trim());
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).contains(true);

        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(directory, false);
                Connection c = DriverManager.getConnection(server.jdbcUrl(), "postgres", "")) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            ResultSet rs = c.createStatement().executeQuery("select v from kept");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("still here");
        }
    }

    /** A repdesk stand-in that starts PostgreSQL, writes a row, says "ready" and waits to be killed. */
    static final class KilledRepdesk {

        public static void main(String[] args) throws Exception {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(Path.of(args[0]))
                    .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create table kept (v text); insert into kept values ('still here')");
            }
            System.out.println("ready");
            System.out.flush();
            Thread.currentThread().join();
        }
    }
}

package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

class LaunchOptionsTests {

    @Test
    void demoDefaultsToPort8080AndTheDataFolder() {
        LaunchOptions options = LaunchOptions.parse(new String[] { "demo" }, Map.of());
        assertThat(options.command()).isEqualTo(LaunchOptions.Command.DEMO);
        assertThat(options.port()).isEqualTo(8080);
        assertThat(options.dataDir()).isEqualTo("data");
        assertThat(options.dbUrl()).isNull();
    }

    @Test
    void optionsOverrideTheEnvironment() {
        LaunchOptions options = LaunchOptions.parse(new String[] { "serve", "--port", "9000", "--db-url",
            "jdbc:postgresql://db/repdesk" }, Map.of("REPDESK_PORT", "7000", "REPDESK_DB_URL", "jdbc:postgresql://x/y"));
        assertThat(options.port()).isEqualTo(9000);
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://db/repdesk");
    }

    @Test
    void theEnvironmentFillsWhatArgumentsLeaveOut() {
        LaunchOptions options = LaunchOptions.parse(new String[] { "serve" },
                Map.of("REPDESK_PORT", "7000", "REPDESK_DB_URL", "jdbc:postgresql://x/y", "REPDESK_DATA", "/srv/rd"));
        assertThat(options.port()).isEqualTo(7000);
        assertThat(options.dbUrl()).isEqualTo("jdbc:postgresql://x/y");
        assertThat(options.dataDir()).isEqualTo("/srv/rd");
    }

    @Test
    void nameValueArgumentsPassThroughAsSettings() {
        LaunchOptions options = LaunchOptions.parse(new String[] { "serve", "--repdesk.db.pool-size=20", "--port",
            "9000" }, Map.of());
        assertThat(options.settings()).containsExactly("--repdesk.db.pool-size=20");
        assertThat(options.port()).isEqualTo(9000);
    }

    @Test
    void evalNeedsItsFiles() throws Exception {
        java.nio.file.Path csv = java.nio.file.Files.createTempFile("eval", ".csv");
        LaunchOptions options = LaunchOptions.parse(new String[] { "eval", "matching", "--train", csv.toString(),
            "--test", csv.toString() }, Map.of());
        assertThat(options.command()).isEqualTo(LaunchOptions.Command.EVAL_MATCHING);
        assertThat(options.evaluation()).containsKeys("train", "test");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "eval", "matching", "--test", csv.toString() },
                        Map.of()))
                .withMessageContaining("--train");
        assertThat(LaunchOptions.parse(new String[] { "eval", "suggestions", "--train", csv.toString(), "--test",
            csv.toString() }, Map.of()).command()).isEqualTo(LaunchOptions.Command.EVAL_SUGGESTIONS);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "eval", "suggestions", "--train", csv.toString() },
                        Map.of()))
                .withMessageContaining("eval suggestions needs --train TRAIN.csv and --test TEST.csv");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "eval", "discovery", "--test", "/no/such.csv" },
                        Map.of()))
                .withMessageContaining("no such readable file");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "eval", "speed" },
                Map.of())).withMessageContaining("'matching', 'discovery' or 'suggestions'");
    }

    @Test
    void benchInsightTakesContactsEventsAndNeedsAndRunsOnAScratchDatabaseWithoutTailing() {
        LaunchOptions options = LaunchOptions.parse(new String[] { "bench", "insight", "--contacts", "100_000",
            "--events", "1000000", "--needs", "500" }, Map.of());
        assertThat(options.command()).isEqualTo(LaunchOptions.Command.BENCH_INSIGHT);
        assertThat(options.evaluation()).containsEntry("contacts", "100000").containsEntry("events", "1000000")
                .containsEntry("needs", "500");
        assertThat(Repdesk.defaults(options)).containsEntry("repdesk.command", "bench-insight")
                .containsEntry("repdesk.insight.tail", false).containsEntry("repdesk.eval.events", "1000000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "matching", "--events", "5" }, Map.of()))
                .withMessageContaining("'bench insight' only");
    }

    @Test
    void benchMatchingTakesSizesAndAKeptCorpus() {
        LaunchOptions options = LaunchOptions.parse(new String[] { "bench", "matching", "--needs", "10_000",
            "--contacts", "1000000", "--corpus", "/tmp/corpus" }, Map.of());
        assertThat(options.command()).isEqualTo(LaunchOptions.Command.BENCH_MATCHING);
        assertThat(options.evaluation()).containsEntry("needs", "10000").containsEntry("contacts", "1000000")
                .containsEntry("corpus", "/tmp/corpus");
        assertThat(Repdesk.defaults(options)).containsEntry("repdesk.command", "bench-matching")
                .containsEntry("repdesk.db.data-dir", "/tmp/corpus").containsEntry("repdesk.eval.needs", "10000");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "matching", "--needs", "many" }, Map.of()))
                .withMessageContaining("--needs must be a whole number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "demo", "--needs", "5" }, Map.of()))
                .withMessageContaining("'bench matching', 'bench load' and 'bench insight' only");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "speed" },
                Map.of())).withMessageContaining("bench needs 'matching', 'sla', 'email', 'search', 'load', 'insight' or 'prevent'");
        LaunchOptions load = LaunchOptions.parse(new String[] { "bench", "load", "--contacts", "300000", "--needs",
                "10000", "--customers", "30000" }, Map.of());
        assertThat(Repdesk.defaults(load)).containsEntry("repdesk.command", "bench-load")
                .containsEntry("repdesk.eval.contacts", "300000").containsEntry("repdesk.eval.customers", "30000")
                .containsEntry("repdesk.casework.matching.enabled", true).containsEntry("server.port", 0);
        LaunchOptions kept = LaunchOptions.parse(new String[] { "bench", "load", "--contacts", "1_000_000",
            "--stop-at", "300_000", "--keep", "/tmp/load-run" }, Map.of());
        assertThat(Repdesk.defaults(kept)).containsEntry("repdesk.eval.stop-at", "300000")
                .containsEntry("repdesk.db.data-dir", "/tmp/load-run").containsEntry("repdesk.db.keep-data", true);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "insight", "--stop-at", "5" }, Map.of()))
                .withMessageContaining("'bench load' only");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "sla", "--keep", "/tmp/x" }, Map.of()))
                .withMessageContaining("'bench insight' and 'bench load' only");
        LaunchOptions prevent = LaunchOptions.parse(new String[] { "bench", "prevent", "--customers", "100_000",
            "--contacts", "50000" }, Map.of());
        assertThat(Repdesk.defaults(prevent)).containsEntry("repdesk.command", "bench-prevent")
                .containsEntry("repdesk.eval.customers", "100000").containsEntry("repdesk.eval.contacts", "50000")
                .containsEntry("repdesk.prevent.signal-interval", "0s").containsEntry("repdesk.insight.tail", false);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "sla", "--customers", "5" }, Map.of()))
                .withMessageContaining("'bench load' and 'bench prevent' only");
        assertThat(LaunchOptions.parse(new String[] { "bench", "sla", "--cases", "1000" }, Map.of()).evaluation())
                .containsEntry("cases", "1000");
        LaunchOptions email = LaunchOptions.parse(new String[] { "bench", "email", "--messages", "500", "--runs", "2" },
                Map.of());
        assertThat(Repdesk.defaults(email)).containsEntry("repdesk.command", "bench-email")
                .containsEntry("repdesk.eval.messages", "500").containsEntry("repdesk.eval.runs", "2");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "bench", "sla", "--messages", "5" }, Map.of()))
                .withMessageContaining("'bench email' only");
    }

    @Test
    void backupAndRestoreTakeTheirFilesAndNameTheWrongOnes() throws Exception {
        java.nio.file.Path archive = java.nio.file.Files.createTempFile("backup", ".tar.gz");
        LaunchOptions backup = LaunchOptions.parse(new String[] { "backup", "--data", "/srv/rd", "--to", "/backups" },
                Map.of());
        assertThat(backup.command()).isEqualTo(LaunchOptions.Command.BACKUP);
        assertThat(backup.evaluation()).containsEntry("to", "/backups");
        assertThat(LaunchOptions.parse(new String[] { "backup" }, Map.of("REPDESK_BACKUP_DIR", "/nightly")).evaluation())
                .containsEntry("to", "/nightly");
        LaunchOptions restore = LaunchOptions.parse(new String[] { "restore", archive.toString(), "--force" }, Map.of());
        assertThat(restore.evaluation()).containsEntry("archive", archive.toAbsolutePath().toString())
                .containsEntry("force", "true");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "restore" }, Map.of()))
                .withMessageContaining("restore needs the archive");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "restore", "/no/such.tar.gz" }, Map.of()))
                .withMessageContaining("restore FILE: /no/such.tar.gz is no readable file");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "backup", "--force" }, Map.of()))
                .withMessageContaining("--force applies to 'restore' only");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "restore", archive.toString(), "--to", "x" }, Map.of()))
                .withMessageContaining("--to applies to 'backup' only");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "backup" }, Map.of("REPDESK_DB_URL", "jdbc:x")))
                .withMessageContaining("pg_dump");
    }

    @Test
    void noArgumentsMeansHelp() {
        assertThat(LaunchOptions.parse(new String[0], Map.of()).command()).isEqualTo(LaunchOptions.Command.HELP);
    }

    @Test
    void mistakesAreExplained() {
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "launch" }, Map.of()))
                .withMessageContaining("unknown command 'launch'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "demo", "--port", "eighty" }, Map.of()))
                .withMessageContaining("--port must be a port number");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "demo", "--data" },
                Map.of())).withMessageContaining("--data needs a value");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(new String[] { "demo", "--db-url", "jdbc:x" }, Map.of()))
                .withMessageContaining("embedded");
        assertThatIllegalArgumentException().isThrownBy(() -> LaunchOptions.parse(new String[] { "demo", "--verbose" },
                Map.of())).withMessageContaining("unknown option '--verbose'");
    }

    @Test
    void launchOptionsBecomeApplicationProperties() {
        Map<String, Object> properties = Repdesk.defaults(
                LaunchOptions.parse(new String[] { "demo", "--port", "8123", "--data", "/tmp/x" }, Map.of()));
        assertThat(properties).containsEntry("server.port", 8123).containsEntry("repdesk.db.data-dir", "/tmp/x")
                .containsEntry("repdesk.demo.enabled", true).doesNotContainKey("repdesk.db.url");
    }
}

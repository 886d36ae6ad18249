package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewAttachment;
import io.repdesk.contact.NewContact;
import io.repdesk.contact.StoredFile;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CustomerId;

/** A backup of a running repdesk with demo data, restored into another directory, gives back the same data. */
class BackupIntegrationTests {

    private static final List<String> TABLES = List.of("customer_customer", "contact_contact", "contact_attachment",
            "casework_case", "need_need", "journal_event", "flyway_schema_history");

    @TempDir
    Path work;

    @Test
    void aBackupOfARunningRepdeskRestoredElsewhereBringsBackTheSameRowsAndFiles() throws IOException {
        Path source = work.resolve("source");
        Path copy = work.resolve("copy");
        Path archive = work.resolve("nightly.tar.gz");
        Map<String, String> before;
        try (ConfigurableApplicationContext running = start(source, true)) {
            attachFiles(running);
            before = fingerprint(running.getBean(DataSource.class));
            Output backup = run("backup", "--data", source.toString(), "--to", archive.toString());
            assertThat(backup.status).as(backup.err).isZero();
            assertThat(backup.out).contains("running on " + source).contains("3 attachment files");
            assertThat(fingerprint(running.getBean(DataSource.class))).isEqualTo(before);
        }

        Output restore = run("restore", archive.toString(), "--data", copy.toString());

        assertThat(restore.status).as(restore.err).isZero();
        assertThat(restore.out).contains("Restored nightly.tar.gz")
                .contains(String.format("%,d contacts", Long.parseLong(before.get("contact_contact rows"))));
        assertThat(files(copy.resolve("attachments"))).isEqualTo(files(source.resolve("attachments"))).hasSize(3);
        assertThat(copy.resolve("index")).doesNotExist();
        try (ConfigurableApplicationContext restored = start(copy, false)) {
            assertThat(fingerprint(restored.getBean(DataSource.class))).isEqualTo(before);
            assertThat(copy.resolve("index")).isDirectory();
        }
    }

    private static ConfigurableApplicationContext start(Path data, boolean demo) {
        return new SpringApplicationBuilder(RepdeskApplication.class).properties("server.port=0",
                "repdesk.db.data-dir=" + data, "repdesk.demo.enabled=" + demo, "repdesk.demo.organizations=4",
                "repdesk.demo.customers=30", "repdesk.demo.cases=60", "repdesk.demo.today=2026-11-01",
                "repdesk.search.model=none", "repdesk.casework.matching.enabled=false",
                "repdesk.casework.sla-interval=0s", "repdesk.need.discovery-interval-seconds=0",
                "repdesk.channel.email.outbound.dispatch-interval=0s", "repdesk.channel.webhook.dispatch-interval=0s",
                "REPDESK_ADMIN_PASSWORD=backup-admin-password").run();
    }

    /** Three contacts carrying files, as email would bring them. */
    private static void attachFiles(ConfigurableApplicationContext context) {
        CustomerId customer = context.getBean(CustomerManagement.class).register(new NewCustomer(null, "Backed Up",
                "backed-up@example.test", new EnvironmentProfile("Lumen app", "5.2", "Android", "Plus", "UK", Map.of()),
                null)).id();
        AttachmentStore store = context.getBean(AttachmentStore.class);
        for (int i = 0; i < 3; i++) {
            byte[] bytes = ("screenshot " + i + " " + UUID.randomUUID()).repeat(100 * (i + 1))
                    .getBytes(StandardCharsets.UTF_8);
            StoredFile file = store.store("screen-" + i + ".png", bytes);
            context.getBean(ContactManagement.class).record(new NewContact(customer, null, Channel.EMAIL,
                    Direction.INBOUND, Instant.parse("2026-11-0" + (i + 1) + "T09:00:00Z"), "Screenshot " + i,
                    "See the attached screenshot", null, "backup-" + i, null, null),
                    new Enclosures(null, List.of(new NewAttachment("screen-" + i + ".png", "image/png", file, null, false)),
                            null));
        }
    }

    /** Row count and an MD5 over every row's text per table, and every sequence's last value. */
    static Map<String, String> fingerprint(DataSource dataSource) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Map<String, String> fingerprint = new TreeMap<>();
        for (String table : TABLES) {
            fingerprint.put(table + " rows", jdbc.sql("select count(*) from " + table).query(Long.class).single()
                    .toString());
            fingerprint.put(table + " md5", jdbc.sql("select coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                    + " from " + table + " t").query(String.class).single());
        }
        fingerprint.put("sequences", jdbc.sql("select string_agg(sequencename || '=' || coalesce(last_value::text, '-'),"
                + " ',' order by sequencename) from pg_sequences where schemaname = 'public'").query(String.class).single());
        return fingerprint;
    }

    /** Each file under the folder by its relative name, with its bytes' SHA-256. */
    static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    files.put(root.relativize(file).toString(), BackupArchive.hash(in));
                }
            }
        }
        return files;
    }

    /** Runs one command line as the launcher would, capturing what it prints. */
    static Output run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = BackupCommand.run(LaunchOptions.parse(args, Map.of()), Map.of(),
                Clock.fixed(Instant.parse("2026-11-26T02:30:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    record Output(int status, String out, String err) {
    }
}

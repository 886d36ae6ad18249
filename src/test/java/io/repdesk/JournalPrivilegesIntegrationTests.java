package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * repdesk on a PostgreSQL where it connects as an ordinary role (not a superuser): the migrations take UPDATE,
 * DELETE and TRUNCATE on the journal away from that role, so the database refuses them before any trigger runs;
 * with a separate owner role, as docs/security.md describes, the application role never had them.
 */
class JournalPrivilegesIntegrationTests {

    @TempDir
    Path data;

    @Test
    void anApplicationRoleThatIsNoSuperuserMayOnlyReadAndAppendTheJournal() throws Exception {
        try (EmbeddedPostgresServer server = EmbeddedPostgresServer.start(data.resolve("postgres"), true)) {
            try (Connection admin = DriverManager.getConnection(server.jdbcUrl());
                    Statement s = admin.createStatement()) {
                s.execute("create role repdesk_app login password 'app-password'");
                s.execute("create database repdesk owner repdesk_app");
            }
            String url = server.jdbcUrl().replaceFirst("/postgres\\?.*$", "/repdesk");
            Flyway.configure().dataSource(url, "repdesk_app", "app-password").locations(SchemaVersions.LOCATION)
                    .load().migrate();

            try (Connection app = DriverManager.getConnection(url, "repdesk_app", "app-password");
                    Statement s = app.createStatement()) {
                s.execute("insert into journal_event (stream, stream_id, type, actor, payload)"
                        + " values ('test', gen_random_uuid(), 'Kept', 'repdesk', '{}')");
                assertThatThrownBy(() -> s.execute("update journal_event set actor = 'x'"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("delete from journal_event"))
                        .hasMessageContaining("permission denied");
                assertThatThrownBy(() -> s.execute("truncate journal_event"))
                        .hasMessageContaining("permission denied");
                var rs = s.executeQuery("select count(*) from journal_event where type = 'Kept'");
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }
        }
    }
}

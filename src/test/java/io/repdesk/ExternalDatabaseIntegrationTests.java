package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.repdesk.customer.CustomerManagement;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * repdesk pointed at a PostgreSQL it did not start (here a separate server on its own port): it
 * migrates and uses that database, starts no embedded one, and reports DOWN when the database goes away.
 */
class ExternalDatabaseIntegrationTests {

    @TempDir
    Path external;

    @TempDir
    Path data;

    @Test
    void usesTheDatabaseAtTheUrlAndReportsHealthFromIt() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(external.resolve("pg"))
                .setCleanDataDirectory(true).start();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(RepdeskApplication.class)
                .properties("server.port=0", "repdesk.db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "repdesk.db.username=postgres", "repdesk.db.data-dir=" + data,
                        "REPDESK_ADMIN_PASSWORD=external-admin-password", "repdesk.db.pool-size=2",
                        "repdesk.db.connection-timeout=2s")
                .run()) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            app.getBean(CustomerManagement.class).registerOrganization("External Ltd", "Plus");

            assertThat(postgres.getPostgresDatabase().getConnection().createStatement()
                    .executeQuery("select count(*) from customer_organization where name = 'External Ltd'"))
                    .satisfies(rs -> {
                        rs.next();
                        assertThat(rs.getInt(1)).isEqualTo(1);
                    });
            assertThat(data.resolve("postgres")).doesNotExist();
            assertThat(health(port)).isEqualTo(200);

            postgres.close();

            assertThat(health(port)).isEqualTo(503);
        } finally {
            postgres.close();
        }
    }

    private static int health(int port) throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}

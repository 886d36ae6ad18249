package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.Organization;
import io.repdesk.security.AgentAccounts;

/** A stop and a start on the same data directory: the data is kept and PostgreSQL is stopped in between. */
class RestartIntegrationTests {

    @TempDir
    Path data;

    @Test
    void aRestartKeepsTheDataAndStopsPostgresInBetween() {
        Organization created;
        try (ConfigurableApplicationContext first = start()) {
            created = first.getBean(CustomerManagement.class).registerOrganization("Kept Ltd", "Business");
            assertThat(first.getBean(AgentAccounts.class).all()).extracting(a -> a.username()).containsExactly("admin");
            assertThat(data.resolve("postgres/postmaster.pid")).exists();
        }
        assertThat(Files.exists(data.resolve("postgres/postmaster.pid"))).isFalse();

        try (ConfigurableApplicationContext second = start()) {
            assertThat(second.getBean(CustomerManagement.class).organization(created.id()).name()).isEqualTo("Kept Ltd");
            assertThat(second.getBean(AgentAccounts.class).count()).isEqualTo(1);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(RepdeskApplication.class)
                .properties("server.port=0", "repdesk.db.data-dir=" + data, "repdesk.demo.enabled=false",
                        "REPDESK_ADMIN_PASSWORD=restart-admin-password")
                .run();
    }
}

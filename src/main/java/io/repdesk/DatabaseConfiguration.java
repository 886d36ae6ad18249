package io.repdesk;

import javax.sql.DataSource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/** The one system of record: an external PostgreSQL by URL, or else the embedded one. */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServerHolder embeddedPostgres(DatabaseSettings settings) {
        return new EmbeddedPostgresServerHolder(settings.embedded()
                ? EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres"), settings.cleanStart(),
                        settings.keepData())
                : null);
    }

    @Bean(destroyMethod = "close")
    HikariDataSource dataSource(DatabaseSettings settings, EmbeddedPostgresServerHolder embedded) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("repdesk");
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectionTimeout().toMillis());
        EmbeddedPostgresServer server = embedded.server();
        if (server != null) {
            config.setJdbcUrl(server.jdbcUrl());
            config.setUsername("postgres");
        } else {
            config.setJdbcUrl(settings.url());
            config.setUsername(settings.username());
            config.setPassword(settings.password());
        }
        return new HikariDataSource(config);
    }

    /** Holds the embedded server (or nothing) so it stops after the pool that uses it has closed. */
    record EmbeddedPostgresServerHolder(EmbeddedPostgresServer server) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (server != null) {
                server.close();
            }
        }
    }
}

package io.repdesk;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where repdesk keeps its data.
 *
 * @param url JDBC URL of an external PostgreSQL; blank starts the embedded one
 * @param dataDir the data directory; the embedded PostgreSQL lives in its {@code postgres} folder
 * @param cleanStart wipe the embedded database at start (tests only)
 * @param poolSize the most connections this node holds open
 * @param connectionTimeout how long a request waits for a free connection before it fails
 */
@ConfigurationProperties("repdesk.db")
record DatabaseSettings(@Nullable String url, @Nullable String username, @Nullable String password, Path dataDir,
        boolean cleanStart, int poolSize, Duration connectionTimeout) {

    DatabaseSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        poolSize = poolSize <= 0 ? 10 : poolSize;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(10) : connectionTimeout;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}

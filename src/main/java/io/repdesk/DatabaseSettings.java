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
 * @param cleanStart wipe the embedded database at start and at exit (tests and benchmarks only)
 * @param keepData with {@code cleanStart}, keep the embedded database's files at exit and leave the directory as
 *        found at start (benchmarks that start a node on what they loaded: give them an empty directory)
 * @param poolSize the most connections this node holds open
 * @param connectionTimeout how long a request waits for a free connection before it fails
 */
@ConfigurationProperties("repdesk.db")
record DatabaseSettings(@Nullable String url, @Nullable String username, @Nullable String password, Path dataDir,
        boolean cleanStart, int poolSize, Duration connectionTimeout, boolean keepData) {

    DatabaseSettings {
        dataDir = dataDir == null ? Path.of("data") : dataDir;
        poolSize = poolSize <= 0 ? 10 : poolSize;
        connectionTimeout = connectionTimeout == null ? Duration.ofSeconds(10) : connectionTimeout;
    }

    boolean embedded() {
        return url == null || url.isBlank();
    }
}

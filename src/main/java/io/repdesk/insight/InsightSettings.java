package io.repdesk.insight;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The insight projection's settings.
 *
 * @param pollInterval how often the rollup projector looks for new journal entries
 * @param batchSize journal entries applied per transaction
 * @param tail follow the journal continuously (off where a command or a test drives the projector)
 */
@ConfigurationProperties("repdesk.insight")
public record InsightSettings(@Nullable Duration pollInterval, int batchSize, @DefaultValue("true") boolean tail) {

    public InsightSettings {
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        batchSize = batchSize <= 0 ? 10_000 : batchSize;
    }
}

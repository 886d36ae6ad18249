package io.repdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class WebhookSettingsTests {

    @Test
    void refusesSettingsUnderWhichNothingCouldBeSent() {
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(Duration.ofSeconds(5), 0,
                Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofDays(30))).withMessageContaining("batch-size");
        assertThatIllegalArgumentException().isThrownBy(() -> new WebhookSettings(Duration.ofSeconds(5), 20,
                Duration.ZERO, Duration.ofSeconds(10), Duration.ofDays(30))).withMessageContaining("connect-timeout");
    }

    @Test
    void aZeroIntervalTurnsOffTheBackgroundDispatcher() {
        WebhookDispatcher off = dispatcher(Duration.ZERO);
        WebhookDispatcher on = dispatcher(Duration.ofHours(1));

        off.start();
        on.start();
        try {
            assertThat(off.isRunning()).isFalse();
            assertThat(on.isRunning()).isTrue();
        } finally {
            on.stop();
        }
        assertThat(on.isRunning()).isFalse();
    }

    /** A dispatcher that is only started and stopped here, never asked to send. */
    private static WebhookDispatcher dispatcher(Duration interval) {
        WebhookSettings settings = new WebhookSettings(interval, 20, Duration.ofSeconds(5), Duration.ofSeconds(10),
                Duration.ofDays(30));
        return new WebhookDispatcher(null, new WebhookSender(settings), settings, Clock.systemUTC());
    }
}

package io.repdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class ProgressBarTests {

    private final PrintStream out = new PrintStream(new ByteArrayOutputStream());

    @Test
    void showsTheShareDoneTheRateAndTheTimeLeft() {
        String line = new ProgressBar(out, "Contacts", 1_000).line(250, Duration.ofSeconds(10));

        assertThat(line).isEqualTo("Contacts [########                      ]  25% 250/1,000  25/s  30.0s left");
    }

    @Test
    void workResumedPartWayCountsItsRateFromWhereItResumed() {
        ProgressBar bar = new ProgressBar(out, "Contacts", 1_000_000).resumingAt(800_000);

        assertThat(bar.line(801_000, Duration.ofSeconds(10))).endsWith("801,000/1,000,000  100/s  33m10s left");
    }
}

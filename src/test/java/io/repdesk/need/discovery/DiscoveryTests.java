package io.repdesk.need.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiscoveryTests {

    @Test
    void titlesDropGreetingsAndKeepTheFirstLine() {
        assertThat(Discovery.title("Hi there. why was there a transfer fee on my account?\n\nThanks"))
                .isEqualTo("Why was there a transfer fee on my account?");
        assertThat(Discovery.title("Hello, Can I use Apple Pay?")).isEqualTo("Can I use Apple Pay?");
        assertThat(Discovery.title("Hiking boots arrived broken")).isEqualTo("Hiking boots arrived broken");
        assertThat(Discovery.title("x".repeat(120))).hasSize(80).endsWith("…");
    }
}

package io.repdesk.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class OutboundEmailSettingsTests {

    @Test
    void eachFailureDoublesTheWaitUpToTheLongest() {
        var settings = new OutboundEmailSettings("smtp.example.test", 0, null, null, null, "help@lumen.test", null,
                null, Duration.ofSeconds(30), Duration.ofMinutes(5), 0, null);

        assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(settings.retryAfter(4)).isEqualTo(Duration.ofMinutes(4));
        assertThat(settings.retryAfter(5)).isEqualTo(Duration.ofMinutes(5));
        assertThat(settings.retryAfter(40)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void sendingIsOffWithoutAHostAndMessageIdsUseTheSupportDomain() {
        var off = new OutboundEmailSettings(null, 0, null, null, null, null, null, null, null, null, 0, null);
        var on = new OutboundEmailSettings("smtp.example.test", 0, null, null, null, "help@lumen.test", null, null,
                null, null, 0, null);

        assertThat(off.enabled()).isFalse();
        assertThat(on.enabled()).isTrue();
        assertThat(on.port()).isEqualTo(587);
        assertThat(on.messageIdDomain()).isEqualTo("lumen.test");
        assertThat(MailText.newMessageId(on.messageIdDomain())).matches("<[0-9a-f-]{36}@lumen\\.test>");
    }

    @Test
    void theHtmlPartEscapesTheTextAndKeepsItsParagraphs() {
        assertThat(MailText.html("Hello <b>you</b>\nline two\n\nNext & last"))
                .contains("<p>Hello &lt;b&gt;you&lt;/b&gt;<br>line two</p><p>Next &amp; last</p>");
    }
}

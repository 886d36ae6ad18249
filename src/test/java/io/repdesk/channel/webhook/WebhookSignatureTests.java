package io.repdesk.channel.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    static final String SECRET = "whsec_test0123456789abcdefghijklmnop";
    static final Instant SENT = Instant.parse("2026-11-25T10:15:30Z");
    static final String BODY = "{\"id\":\"e1\",\"type\":\"case.opened\",\"data\":{\"reference\":\"RD-1042\"}}";
    static final Duration FIVE_MINUTES = Duration.ofMinutes(5);

    @Test
    void computesHmacSha256AsPublishedInRfc4231() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.hmac("Jefe", "what do ya want for nothing?"))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void signsTheTimeAndTheBodyTogether() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(header).isEqualTo("t=" + SENT.getEpochSecond() + ",v1="
                + WebhookSignature.hmac(SECRET, SENT.getEpochSecond() + "." + BODY));
        assertThat(header).matches("t=\\d+,v1=[0-9a-f]{64}");
    }

    @Test
    void aReceiverVerifiesAnUntouchedDelivery() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plusSeconds(3), FIVE_MINUTES)).isTrue();
    }

    @Test
    void refusesAChangedBodyAnotherSecretOrAnotherTime() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);
        String otherTime = header.replace("t=" + SENT.getEpochSecond(), "t=" + (SENT.getEpochSecond() + 1));

        assertThat(WebhookSignature.verify(SECRET, header, BODY.replace("1042", "1043"), SENT, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET + "x", header, BODY, SENT, FIVE_MINUTES)).isFalse();
        assertThat(WebhookSignature.verify(SECRET, otherTime, BODY, SENT, FIVE_MINUTES)).isFalse();
    }

    @Test
    void refusesAReplayOutsideTheTolerance() {
        String header = WebhookSignature.sign(SECRET, SENT, BODY);

        assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT.plus(Duration.ofMinutes(6)), FIVE_MINUTES))
                .isFalse();
    }

    @Test
    void refusesMalformedHeaders() {
        for (String header : new String[] { "", "v1=abc", "t=abc,v1=00", "t=1764065730", "garbage" }) {
            assertThat(WebhookSignature.verify(SECRET, header, BODY, SENT, FIVE_MINUTES)).as(header).isFalse();
        }
    }
}

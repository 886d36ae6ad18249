package io.repdesk.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile raw mail: whatever the bytes, the parser returns what it could read or says the message is unreadable,
 * in bounded time and without multiplying the message in memory. Inputs that once broke it are kept in
 * {@code EmailParserFuzzTestsInputs}; {@code mvn test} runs them, the {@code fuzz} surefire execution and
 * {@code ./repdesk fuzz} look for new ones.
 */
class EmailParserFuzzTests {

    /** What the text of a message may grow to: forwarded messages nested twelve deep repeat their text. */
    private static final int MAX_GROWTH = 16;

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsAnyBytesOrSaysTheyAreUnreadable(byte[] raw) {
        ParsedEmail email;
        try {
            email = EmailParser.parse(raw);
        } catch (UnreadableEmail e) {
            return;
        }
        String stripped = QuoteStripper.strip(email.text(), email.forwarded());

        assertThat(email.subject()).isNotBlank().hasSizeLessThanOrEqualTo(501);
        assertThat(email.fromAddress()).satisfiesAnyOf(a -> assertThat(a).isNull(), a -> assertThat(a).contains("@"));
        long written = email.text().length() + stripped.length() + (email.html() == null ? 0 : email.html().length());
        assertThat(written).isLessThanOrEqualTo(MAX_GROWTH * (long) raw.length + 1_000);
        for (EmailPart part : email.parts()) {
            assertThat(part.filename()).isNotBlank().doesNotContain("/", "\\");
            assertThat(decodedSize(part)).isLessThanOrEqualTo(MAX_GROWTH * (long) raw.length);
        }
    }

    /** The part's decoded size, as ingestion reads it; a part that cannot be read is refused there, not fatal. */
    private static long decodedSize(EmailPart part) {
        try (InputStream in = part.content().open()) {
            return in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}

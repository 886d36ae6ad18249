package io.repdesk.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Hostile evaluation files: any text read as a {@code text,category} CSV gives rows or an
 * {@link IllegalArgumentException} that names the file (and the line, once the header was read).
 */
class LabelledTextFuzzTests {

    @FuzzTest(maxDuration = "10s")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsAnyCsvOrNamesTheLineThatIsWrong(byte[] input) {
        String csv = new String(input, StandardCharsets.UTF_8);
        List<LabelledText> rows;
        try {
            rows = LabelledText.read(new StringReader(csv), "fuzz.csv");
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("fuzz.csv");
            return;
        }
        assertThat(rows).allSatisfy(row -> {
            assertThat(row.text()).isNotBlank().hasSizeLessThanOrEqualTo(LabelledText.MAX_FIELD);
            assertThat(row.category()).hasSizeLessThanOrEqualTo(LabelledText.MAX_FIELD);
        });
    }

    @Test
    void malformedQuotingNamesTheLine() {
        String csv = "text,category\n\"card lost\",lost_card\n\"never closed,lost_card\n";
        assertThatThrownBy(() -> LabelledText.read(new StringReader("text,category\nok,a\n\"a\"b,c\n"), "t.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t.csv line 3: malformed CSV");
        assertThatThrownBy(() -> LabelledText.read(new StringReader(csv), "t.csv"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("t.csv line ");
    }

    @Test
    void aRowWithoutItsCategoryOrAHugeFieldNamesTheLine() {
        assertThatThrownBy(() -> LabelledText.read(new StringReader("text,category\nok,a\nalone\n"), "t.csv"))
                .hasMessage("t.csv line 3: needs a text and a category");
        String huge = "text,category\n" + "x".repeat(LabelledText.MAX_FIELD + 1) + ",a\n";
        assertThatThrownBy(() -> LabelledText.read(new StringReader(huge), "t.csv"))
                .hasMessage("t.csv line 2: a field is longer than 100000 characters");
    }
}

package io.repdesk.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvCellsTests {

    @Test
    void cellsThatASpreadsheetWouldReadAsAFormulaStartWithAQuote() {
        assertThat(CsvCells.cell("=HYPERLINK(\"http://evil.example\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"");
        assertThat(CsvCells.cell("+1+cmd|' /C calc'!A0")).isEqualTo("'+1+cmd|' /C calc'!A0");
        assertThat(CsvCells.cell("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.cell("\t=1")).isEqualTo("'\t=1");
        assertThat(CsvCells.cell("\r=1")).isEqualTo("\"'\r=1\"");
    }

    @Test
    void ordinaryTextAndNumbersAreWrittenAsTheyAre() {
        assertThat(CsvCells.cell("Card not arrived")).isEqualTo("Card not arrived");
        assertThat(CsvCells.cell("a = b")).isEqualTo("a = b");
        assertThat(CsvCells.cell(-12)).isEqualTo("-12");
        assertThat(CsvCells.cell(2.5)).isEqualTo("2.5");
        assertThat(CsvCells.cell(null)).isEmpty();
        assertThat(CsvCells.cell("")).isEmpty();
    }

    @Test
    void commasQuotesAndLineBreaksAreQuoted() {
        assertThat(CsvCells.cell("one, two")).isEqualTo("\"one, two\"");
        assertThat(CsvCells.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(CsvCells.cell("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvCells.row(Arrays.asList("=1", 3, null, "x,y"))).isEqualTo("'=1,3,,\"x,y\"\r\n");
        assertThat(CsvCells.row(List.of())).isEqualTo("\r\n");
    }
}

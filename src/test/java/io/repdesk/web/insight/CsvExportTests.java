package io.repdesk.web.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvExportTests {

    @Test
    void neutralisesCellsThatASpreadsheetWouldRunAsAFormula() {
        for (String formula : List.of("=HYPERLINK(\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            assertThat(CsvExport.safe(formula)).isEqualTo("'" + formula);
        }
        assertThat(CsvExport.safe("Top-up failed")).isEqualTo("Top-up failed");
    }

    @Test
    void writesNumbersAsNumbersEvenWhenNegative() {
        assertThat(CsvExport.safe(-5L)).isEqualTo(-5L);
        assertThat(CsvExport.safe(new BigDecimal("-1.50"))).isEqualTo(new BigDecimal("-1.50"));
    }

    @Test
    void answersADownloadWithAHeaderRowAndQuotedText() {
        var response = CsvExport.of("needs.csv", List.of("need", "contacts"),
                List.of(List.of("=cmd|' /C calc'!A0", 3L), List.of("Order, status", 4L)));
        assertThat(response.getHeaders().getContentDisposition().getFilename()).isEqualTo("needs.csv");
        assertThat(response.getBody()).isEqualTo("need,contacts\r\n'=cmd|' /C calc'!A0,3\r\n\"Order, status\",4\r\n");
    }
}

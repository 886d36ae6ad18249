package io.repdesk.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes CSV that a spreadsheet opens as text: every export of repdesk goes through here. A cell that begins
 * with {@code = + - @}, a tab or a carriage return would be read as a formula (and could run one, such as
 * {@code =HYPERLINK(...)} or a DDE call) and gets a leading single quote; cells holding a comma, a quote or a line
 * break are quoted as RFC 4180 says. Numbers are written as numbers, so a negative figure stays a figure.
 */
public final class CsvCells {

    private CsvCells() {
    }

    /** One cell: a formula-safe, quoted-where-needed text; null is an empty cell. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    /** One line of cells, ended with CRLF. */
    public static String row(List<?> values) {
        return values.stream().map(CsvCells::cell).collect(Collectors.joining(",")) + "\r\n";
    }
}

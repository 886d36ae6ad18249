package io.repdesk.eval;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** One row of an evaluation set: a customer's words and the need (category) they express. */
record LabelledText(String text, String category) {

    /** The category that marks out-of-scope rows: the right answer for them is "a new need". */
    static final String OUT_OF_SCOPE = "oos";

    /** The longest text or category read, as long as the API's longest contact body. */
    static final int MAX_FIELD = 100_000;

    boolean outOfScope() {
        return OUT_OF_SCOPE.equals(category);
    }

    /** Reads a CSV with the header {@code text,category} (quoted fields allowed). */
    static List<LabelledText> read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return read(reader, csv.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads the rows of a CSV.
     *
     * @throws IllegalArgumentException naming {@code source} and the line, when the CSV is malformed
     */
    static List<LabelledText> read(Reader reader, String source) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(reader).setFormat(format).get();
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new IllegalArgumentException(source + " line 1: the header cannot be read (" + reason(e) + ")", e);
        }
        Map<String, Integer> header = parser.getHeaderMap();
        if (header == null || !header.containsKey("text") || !header.containsKey("category")) {
            throw new IllegalArgumentException(source + " needs the header text,category");
        }
        List<LabelledText> rows = new ArrayList<>();
        Iterator<CSVRecord> records = parser.iterator();
        while (true) {
            CSVRecord row;
            try {
                if (!records.hasNext()) {
                    return rows;
                }
                row = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                throw new IllegalArgumentException(source + " line " + parser.getCurrentLineNumber()
                        + ": malformed CSV (" + reason(e) + ")", e);
            }
            if (!row.isSet("text") || !row.isSet("category")) {
                throw new IllegalArgumentException(source + " line " + parser.getCurrentLineNumber()
                        + ": needs a text and a category");
            }
            String text = row.get("text").strip();
            String category = row.get("category").strip();
            if (text.length() > MAX_FIELD || category.length() > MAX_FIELD) {
                throw new IllegalArgumentException(source + " line " + parser.getCurrentLineNumber()
                        + ": a field is longer than " + MAX_FIELD + " characters");
            }
            if (!text.isEmpty()) {
                rows.add(new LabelledText(text, category));
            }
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause() : e;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}

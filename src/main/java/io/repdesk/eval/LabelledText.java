package io.repdesk.eval;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** One row of an evaluation set: a customer's words and the need (category) they express. */
record LabelledText(String text, String category) {

    /** The category that marks out-of-scope rows: the right answer for them is "a new need". */
    static final String OUT_OF_SCOPE = "oos";

    boolean outOfScope() {
        return OUT_OF_SCOPE.equals(category);
    }

    /** Reads a CSV with the header {@code text,category} (quoted fields allowed). */
    static List<LabelledText> read(Path csv) {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<LabelledText> rows = new ArrayList<>();
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord row : format.parse(reader)) {
                if (!row.isMapped("text") || !row.isMapped("category")) {
                    throw new IllegalArgumentException(csv + " needs the header text,category");
                }
                String text = row.get("text").strip();
                if (!text.isEmpty()) {
                    rows.add(new LabelledText(text, row.get("category").strip()));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot read " + csv + ": " + e.getMessage(), e);
        }
    }
}

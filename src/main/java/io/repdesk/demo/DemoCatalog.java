package io.repdesk.demo;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.ClassPathResource;

import io.repdesk.need.DemandClass;

/** The demo's needs (one per BANKING77 intent, titled in customer words) and the queries of each. */
record DemoCatalog(List<NeedSpec> needs, Map<String, List<String>> queriesByIntent) {

    /** A need to define: the intent it stands for and its title in the customer's words. */
    record NeedSpec(String intent, String key, String title, DemandClass demandClass, String description) {
    }

    static DemoCatalog load() {
        return new DemoCatalog(readNeeds(), readQueries());
    }

    List<String> queries(NeedSpec need) {
        return queriesByIntent.getOrDefault(need.key(), List.of());
    }

    private static List<NeedSpec> readNeeds() {
        List<NeedSpec> specs = new ArrayList<>();
        for (String line : read("demo/needs.tsv").split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t");
            specs.add(new NeedSpec(f[0], key(f[0]), f[1], DemandClass.valueOf(f[2]), f[3]));
        }
        return specs;
    }

    /** BANKING77 intent names carry odd characters ({@code reverted_card_payment?}); keys do not. */
    static String key(String intent) {
        return intent.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "");
    }

    private static Map<String, List<String>> readQueries() {
        Map<String, List<String>> byIntent = new LinkedHashMap<>();
        try (Reader reader = new InputStreamReader(new ClassPathResource("demo/banking77/train.csv").getInputStream(),
                StandardCharsets.UTF_8)) {
            CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
            for (CSVRecord row : format.parse(reader)) {
                byIntent.computeIfAbsent(key(row.get("category")), k -> new ArrayList<>()).add(row.get("text").strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("The demo data set is missing from the build", e);
        }
        return byIntent;
    }

    private static String read(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo file " + path + " is missing from the build", e);
        }
    }
}

package io.repdesk.web.insight;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the dashboard script draws: a Chart.js type, labels and named series, carried in the markup as JSON. */
final class Charts {

    private Charts() {
    }

    /** A series: its label and one value per chart label. */
    record Series(String label, List<? extends Number> data) {
    }

    static Map<String, Object> chart(String type, boolean stacked, List<String> labels, List<Series> series) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Series s : series) {
            datasets.add(Map.of("label", s.label(), "data", s.data()));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("type", type);
        chart.put("stacked", stacked);
        chart.put("labels", labels);
        chart.put("datasets", datasets);
        return chart;
    }

    /** "VALUE_ERODING" as "Value eroding". */
    static String label(String name) {
        String words = name.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

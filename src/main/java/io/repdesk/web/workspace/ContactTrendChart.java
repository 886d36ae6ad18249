package io.repdesk.web.workspace;

import java.util.LinkedHashMap;
import java.util.Map;

import io.repdesk.casework.WeeklyCount;
import io.repdesk.knowledge.ContactTrend;
import tools.jackson.databind.json.JsonMapper;

/** Inbound contacts per week and the week an article went live, as JSON for the chart (no inline script). */
final class ContactTrendChart {

    private ContactTrendChart() {
    }

    static String json(ContactTrend trend, JsonMapper json) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", trend.weekly().stream().map(w -> w.week().toString()).toList());
        data.put("counts", trend.weekly().stream().map(WeeklyCount::count).toList());
        data.put("published", trend.publishedWeek() == null ? null : trend.publishedWeek().toString());
        return json.writeValueAsString(data);
    }
}

package io.repdesk.web.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.insight.Dashboards;
import io.repdesk.insight.Listening;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/** The listening post: feedback and suggestions per product area and need, with the trend and an export. */
@Controller
@Permits(Permission.VIEW_REPORTS)
class ListeningController {

    private final Dashboards dashboards;
    private final Clock clock;
    private final JsonMapper json;

    ListeningController(Dashboards dashboards, Clock clock, JsonMapper json) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/insight/listening")
    String page(@RequestParam Map<String, String> params, Model model) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        Listening listening = dashboards.listening(filter.filter());
        Dashboard.describe(model, filter, "listening");
        model.addAttribute("listening", listening);
        List<LocalDate> weeks = new ArrayList<>(new TreeSet<>(listening.weeks().stream().map(Listening.Week::week)
                .toList()));
        List<Charts.Series> series = new ArrayList<>();
        for (String kind : List.of("FEEDBACK", "SUGGESTION")) {
            series.add(new Charts.Series(Charts.label(kind), weeks.stream().map(w -> listening.weeks().stream()
                    .filter(x -> x.week().equals(w) && x.kind().equals(kind)).mapToLong(Listening.Week::contacts).sum())
                    .toList()));
        }
        model.addAttribute("trendChart", json.writeValueAsString(Charts.chart("bar", true,
                weeks.stream().map(w -> "Week of " + w).toList(), series)));
        return "insight/listening";
    }

    @GetMapping("/insight/listening/{table}.csv")
    ResponseEntity<String> export(@PathVariable String table, @RequestParam Map<String, String> params) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        Listening listening = dashboards.listening(filter.filter());
        String file = "listening-" + table + "-" + filter.filter().from() + "-" + filter.filter().to() + ".csv";
        return switch (table) {
            case "areas" -> CsvExport.of(file, List.of("product_area", "need", "kind", "contacts"), listening.areas()
                    .stream().map(a -> List.<Object>of(a.product(), a.need(), a.kind(), a.contacts()))
                    .collect(Collectors.toList()));
            case "contacts" -> CsvExport.of(file, List.of("day", "kind", "product_area", "version", "need", "excerpt",
                    "marked_by", "contact_id"), listening.contacts().stream().map(c -> List.<Object>of(c.day().toString(),
                    c.kind(), c.product(), c.version(), c.need(), c.excerpt(), c.markedBy(), c.contactId().toString()))
                    .collect(Collectors.toList()));
            default -> throw new NotFound("dashboard table", table);
        };
    }
}

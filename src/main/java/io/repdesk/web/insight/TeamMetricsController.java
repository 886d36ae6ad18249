package io.repdesk.web.insight;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.insight.Dashboards;
import io.repdesk.insight.Satisfaction;
import io.repdesk.insight.TeamMetrics;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/** Team and agent metrics: SLA attainment, first-contact resolution, reopen rate and backlog age. */
@Controller
@Permits(Permission.VIEW_REPORTS)
class TeamMetricsController {

    private final Dashboards dashboards;
    private final Clock clock;
    private final JsonMapper json;

    TeamMetricsController(Dashboards dashboards, Clock clock, JsonMapper json) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/insight/teams")
    String page(@RequestParam Map<String, String> params, Model model) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        TeamMetrics metrics = dashboards.teamMetrics(filter.filter());
        Dashboard.describe(model, filter, "teams");
        model.addAttribute("metrics", metrics);
        List<TeamMetrics.Row> teams = metrics.teams();
        model.addAttribute("teamsChart", json.writeValueAsString(Charts.chart("bar", false,
                teams.stream().map(t -> name(t.name(), "No team")).toList(), List.of(
                        new Charts.Series("SLA met %", teams.stream().map(t -> zero(t.slaPercent())).toList()),
                        new Charts.Series("First-contact resolution %", teams.stream()
                                .map(t -> zero(t.firstContactPercent())).toList()),
                        new Charts.Series("Reopened %", teams.stream().map(t -> zero(t.reopenPercent())).toList())))));
        Satisfaction satisfaction = dashboards.satisfaction(filter.filter());
        model.addAttribute("satisfaction", satisfaction);
        model.addAttribute("scoresChart", json.writeValueAsString(Charts.chart("bar", false,
                List.of("1", "2", "3", "4", "5"), List.of(new Charts.Series("Answers", satisfaction.distribution())))));
        return "insight/teams";
    }

    @GetMapping("/insight/teams/{table}.csv")
    ResponseEntity<String> export(@PathVariable String table, @RequestParam Map<String, String> params) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        if (table.startsWith("satisfaction-")) {
            return satisfaction(table, filter);
        }
        TeamMetrics metrics = dashboards.teamMetrics(filter.filter());
        List<TeamMetrics.Row> rows = switch (table) {
            case "teams" -> metrics.teams();
            case "agents" -> metrics.agents();
            default -> throw new NotFound("dashboard table", table);
        };
        return CsvExport.of(table + "-" + filter.filter().from() + "-" + filter.filter().to() + ".csv",
                List.of(table.equals("teams") ? "team" : "agent", "cases_opened", "within_sla", "sla_percent",
                        "cases_resolved", "first_contact", "first_contact_percent", "reopened", "reopen_percent",
                        "open_now", "median_backlog_days"),
                rows.stream().map(r -> List.<Object>of(r.name(), r.opened(), r.withinSla(), blank(r.slaPercent()),
                        r.resolved(), r.firstContact(), blank(r.firstContactPercent()), r.reopened(),
                        blank(r.reopenPercent()), r.open(), blank(r.medianBacklogDays()))).collect(Collectors.toList()));
    }

    /** Survey answers per need, team or agent: answers, average score and the share scoring 4 or 5. */
    private ResponseEntity<String> satisfaction(String table, DashboardFilter filter) {
        Satisfaction satisfaction = dashboards.satisfaction(filter.filter());
        List<Satisfaction.Row> rows = switch (table) {
            case "satisfaction-needs" -> satisfaction.needs();
            case "satisfaction-teams" -> satisfaction.teams();
            case "satisfaction-agents" -> satisfaction.agents();
            default -> throw new NotFound("dashboard table", table);
        };
        String dimension = table.substring("satisfaction-".length(), table.length() - 1);
        return CsvExport.of(table + "-" + filter.filter().from() + "-" + filter.filter().to() + ".csv",
                List.of(dimension, "answers", "average_score", "satisfied", "satisfied_percent"),
                rows.stream().map(r -> List.<Object>of(r.name(), r.answers(), r.averageRounded(), r.satisfied(),
                        blank(r.satisfiedPercent()))).collect(Collectors.toList()));
    }

    static String name(String name, String none) {
        return name.isEmpty() ? none : name;
    }

    private static Object blank(Double value) {
        return value == null ? "" : Math.round(value * 10) / 10.0;
    }

    private static double zero(Double value) {
        return value == null ? 0 : value;
    }
}

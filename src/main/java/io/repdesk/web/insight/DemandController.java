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
import io.repdesk.insight.Demand;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/**
 * Demand classification: the share of contacts and cost that erodes value, is routine or adds value, over time;
 * what to remove, what to redistribute, and where skilled staff carry value-adding work.
 */
@Controller
@Permits(Permission.VIEW_REPORTS)
class DemandController {

    private final Dashboards dashboards;
    private final Clock clock;
    private final JsonMapper json;

    DemandController(Dashboards dashboards, Clock clock, JsonMapper json) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/insight/demand")
    String page(@RequestParam Map<String, String> params, Model model) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        Demand demand = dashboards.demand(filter.filter());
        Dashboard.describe(model, filter, "demand");
        model.addAttribute("demand", demand);
        model.addAttribute("weeksChart", json.writeValueAsString(weeksChart(demand)));
        model.addAttribute("shareChart", json.writeValueAsString(Charts.chart("doughnut", false,
                demand.totals().stream().map(t -> Charts.label(t.demandClass())).toList(),
                List.of(new Charts.Series("Cost (" + demand.currency() + ")", demand.totals().stream()
                        .map(Demand.ClassTotal::cost).toList())))));
        model.addAttribute("erodingChart", json.writeValueAsString(needChart(demand.eroding(), demand.currency())));
        model.addAttribute("teamChart", json.writeValueAsString(Charts.chart("bar", true,
                demand.teams().stream().map(t -> t.team().isEmpty() ? "No team" : t.team()).toList(), List.of(
                        new Charts.Series("Value-adding contacts", demand.teams().stream()
                                .map(Demand.TeamLoad::valueAddingContacts).toList()),
                        new Charts.Series("Other contacts", demand.teams().stream()
                                .map(t -> t.contacts() - t.valueAddingContacts()).toList())))));
        return "insight/demand";
    }

    @GetMapping("/insight/demand/{table}.csv")
    ResponseEntity<String> export(@PathVariable String table, @RequestParam Map<String, String> params) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        Demand demand = dashboards.demand(filter.filter());
        String file = "demand-" + table + "-" + filter.filter().from() + "-" + filter.filter().to() + ".csv";
        return switch (table) {
            case "weeks" -> CsvExport.of(file, List.of("week", "demand_class", "contacts", "agent_minutes"),
                    demand.weeks().stream().map(w -> List.<Object>of(w.week().toString(), w.demandClass(), w.contacts(),
                            w.minutes())).collect(Collectors.toList()));
            case "classes" -> CsvExport.of(file, List.of("demand_class", "contacts", "contact_share_percent",
                    "agent_minutes", "cost", "cost_share_percent", "repeat_contacts", "repeat_cost", "currency"),
                    demand.totals().stream().map(t -> List.<Object>of(t.demandClass(), t.contacts(), t.contactShare(),
                            t.minutes(), t.cost(), t.costShare(), t.repeats(), t.repeatCost(), demand.currency()))
                            .collect(Collectors.toList()));
            case "eroding" -> needs(file, demand.eroding(), demand.currency());
            case "routine" -> needs(file, demand.routine(), demand.currency());
            case "teams" -> CsvExport.of(file, List.of("team", "value_adding_contacts", "contacts",
                    "value_adding_minutes", "value_adding_cost", "value_adding_share_percent", "currency"),
                    demand.teams().stream().map(t -> List.<Object>of(t.team(), t.valueAddingContacts(), t.contacts(),
                            t.valueAddingMinutes(), t.valueAddingCost(), t.valueAddingShare(), demand.currency()))
                            .collect(Collectors.toList()));
            default -> throw new NotFound("dashboard table", table);
        };
    }

    private static ResponseEntity<String> needs(String file, List<Demand.NeedLoad> needs, String currency) {
        return CsvExport.of(file, List.of("need", "contacts", "repeat_contacts", "agent_minutes", "cost",
                "public_articles", "portal_share", "currency"), needs.stream().map(n -> List.<Object>of(n.title(),
                n.contacts(), n.repeats(), n.minutes(), n.cost(), n.selfService(),
                Math.round(n.portalShare() * 1000) / 10.0, currency)).collect(Collectors.toList()));
    }

    private static Map<String, Object> weeksChart(Demand demand) {
        List<LocalDate> weeks = new ArrayList<>(new TreeSet<>(demand.weeks().stream().map(Demand.ClassWeek::week)
                .toList()));
        List<Charts.Series> series = new ArrayList<>();
        for (String demandClass : DashboardFilter.DEMAND_CLASSES) {
            List<Long> data = weeks.stream().map(w -> demand.weeks().stream()
                    .filter(c -> c.week().equals(w) && c.demandClass().equals(demandClass))
                    .mapToLong(Demand.ClassWeek::contacts).sum()).toList();
            if (data.stream().anyMatch(n -> n > 0)) {
                series.add(new Charts.Series(Charts.label(demandClass), data));
            }
        }
        return Charts.chart("bar", true, weeks.stream().map(w -> "Week of " + w).toList(), series);
    }

    private static Map<String, Object> needChart(List<Demand.NeedLoad> needs, String currency) {
        return Charts.chart("bar", false, needs.stream().map(Demand.NeedLoad::title).toList(),
                List.of(new Charts.Series("Cost (" + currency + ")", needs.stream().map(Demand.NeedLoad::cost).toList())));
    }
}

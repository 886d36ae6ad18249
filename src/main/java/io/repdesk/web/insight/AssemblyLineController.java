package io.repdesk.web.insight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.insight.AssemblyLine;
import io.repdesk.insight.Dashboards;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.NotFound;
import tools.jackson.databind.json.JsonMapper;

/** The assembly line dashboard: needs per stage, moves between stages, time in stage, cost per stage, flow. */
@Controller
@Permits(Permission.VIEW_REPORTS)
class AssemblyLineController {

    private static final List<String> LINE = Dashboards.STAGES.subList(1, Dashboards.STAGES.size());

    private final Dashboards dashboards;
    private final Clock clock;
    private final JsonMapper json;

    AssemblyLineController(Dashboards dashboards, Clock clock, JsonMapper json) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/insight/assembly-line")
    String page(@RequestParam Map<String, String> params, Model model) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        AssemblyLine line = dashboards.assemblyLine(filter.filter());
        Dashboard.describe(model, filter, "assembly-line");
        model.addAttribute("line", line);
        model.addAttribute("times", times(line));
        model.addAttribute("needsChart", json.writeValueAsString(needsChart(line)));
        model.addAttribute("movesChart", json.writeValueAsString(movesChart(line)));
        model.addAttribute("timeChart", json.writeValueAsString(timeChart(line)));
        model.addAttribute("workChart", json.writeValueAsString(workChart(line)));
        model.addAttribute("flowChart", json.writeValueAsString(flowChart(line)));
        return "insight/assembly-line";
    }

    @GetMapping("/insight/assembly-line/{table}.csv")
    ResponseEntity<String> export(@PathVariable String table, @RequestParam Map<String, String> params) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        AssemblyLine line = dashboards.assemblyLine(filter.filter());
        String file = "assembly-line-" + table + "-" + filter.filter().from() + "-" + filter.filter().to() + ".csv";
        return switch (table) {
            case "needs" -> CsvExport.of(file, List.of("stage", "needs"),
                    line.needs().stream().map(n -> List.<Object>of(n.stage(), n.needs())).collect(Collectors.toList()));
            case "moves" -> CsvExport.of(file, List.of("week", "from", "to", "needs"), line.moves().stream()
                    .map(m -> List.<Object>of(m.week().toString(), m.from(), m.to(), m.needs())).collect(Collectors.toList()));
            case "times" -> CsvExport.of(file, List.of("stage", "median_days_ended", "stays_ended", "median_days_open",
                    "stays_open"), times(line).stream().map(t -> List.<Object>of(t.stage(), number(t.medianDays()),
                    t.ended(), number(t.medianOpenDays()), t.open())).collect(Collectors.toList()));
            case "work" -> CsvExport.of(file, List.of("stage", "contacts", "repeat_contacts", "agent_minutes", "cost",
                    "currency"), line.work().stream().map(w -> List.<Object>of(w.stage(), w.contacts(), w.repeats(),
                    w.minutes(), w.cost(), line.currency())).collect(Collectors.toList()));
            case "flow" -> CsvExport.of(file, List.of("month", "needs_created", "needs_eliminated"), line.months()
                    .stream().map(m -> List.<Object>of(m.month().toString(), m.created(), m.eliminated()))
                    .collect(Collectors.toList()));
            default -> throw new NotFound("dashboard table", table);
        };
    }

    private static Object number(Double value) {
        return value == null ? "" : Math.round(value * 10) / 10.0;
    }

    /** Time in stage in line order, a row for every stage. */
    static List<AssemblyLine.StageTime> times(AssemblyLine line) {
        Map<String, AssemblyLine.StageTime> byStage = line.times().stream()
                .collect(Collectors.toMap(AssemblyLine.StageTime::stage, Function.identity()));
        return LINE.stream().map(s -> byStage.getOrDefault(s, new AssemblyLine.StageTime(s, null, 0, null, 0))).toList();
    }

    private static Map<String, Object> needsChart(AssemblyLine line) {
        Map<String, Long> byStage = line.needs().stream()
                .collect(Collectors.toMap(AssemblyLine.StageNeeds::stage, AssemblyLine.StageNeeds::needs));
        return Charts.chart("bar", false, LINE.stream().map(Charts::label).toList(),
                List.of(new Charts.Series("Needs", LINE.stream().map(s -> byStage.getOrDefault(s, 0L)).toList())));
    }

    private static Map<String, Object> movesChart(AssemblyLine line) {
        List<LocalDate> weeks = new ArrayList<>(new TreeSet<>(line.moves().stream().map(AssemblyLine.Move::week).toList()));
        List<Charts.Series> series = new ArrayList<>();
        for (String stage : LINE) {
            List<Long> data = weeks.stream().map(w -> line.moves().stream()
                    .filter(m -> m.week().equals(w) && m.to().equals(stage)).mapToLong(AssemblyLine.Move::needs).sum())
                    .toList();
            if (data.stream().anyMatch(n -> n > 0)) {
                series.add(new Charts.Series("Into " + Charts.label(stage), data));
            }
        }
        return Charts.chart("bar", true, weeks.stream().map(w -> "Week of " + w).toList(), series);
    }

    private static Map<String, Object> timeChart(AssemblyLine line) {
        List<AssemblyLine.StageTime> times = times(line);
        return Charts.chart("bar", false, times.stream().map(t -> Charts.label(t.stage())).toList(), List.of(
                new Charts.Series("Median days (stays ended)", times.stream()
                        .map(t -> t.medianDays() == null ? 0.0 : Math.round(t.medianDays() * 10) / 10.0).toList()),
                new Charts.Series("Median days so far (still there)", times.stream()
                        .map(t -> t.medianOpenDays() == null ? 0.0 : Math.round(t.medianOpenDays() * 10) / 10.0)
                        .toList())));
    }

    private static Map<String, Object> workChart(AssemblyLine line) {
        return Charts.chart("bar", false, line.work().stream().map(w -> Charts.label(w.stage())).toList(), List.of(
                new Charts.Series("Contacts", line.work().stream().map(AssemblyLine.StageWork::contacts).toList()),
                new Charts.Series("Cost (" + line.currency() + ")", line.work().stream()
                        .map(AssemblyLine.StageWork::cost).toList())));
    }

    private static Map<String, Object> flowChart(AssemblyLine line) {
        return Charts.chart("bar", false, line.months().stream().map(m -> m.month().toString().substring(0, 7)).toList(),
                List.of(new Charts.Series("Needs created", line.months().stream().map(AssemblyLine.MonthFlow::created)
                        .toList()), new Charts.Series("Needs eliminated", line.months().stream()
                        .map(AssemblyLine.MonthFlow::eliminated).toList())));
    }
}

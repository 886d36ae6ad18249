package io.repdesk.web.admin;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.SlaManagement;
import io.repdesk.casework.SlaReport;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CsvCells;
import io.repdesk.shared.InvalidInput;
import io.repdesk.sla.SlaTarget;
import tools.jackson.databind.json.JsonMapper;

/** The SLA report: the share of targets met per policy and week, as a chart and a table. */
@Controller
@Permits(Permission.VIEW_REPORTS)
class SlaReportController {

    /** Weeks shown when no range is chosen, the current one included. */
    static final int DEFAULT_WEEKS = 8;

    private static final DateTimeFormatter WEEK = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);

    private final SlaManagement sla;
    private final Clock clock;
    private final JsonMapper json;

    SlaReportController(SlaManagement sla, Clock clock, JsonMapper json) {
        this.sla = sla;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/admin/sla-report")
    String report(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to, Model model) {
        FieldErrors errors = new FieldErrors();
        LocalDate end = end(to, errors);
        LocalDate start = start(from, end, errors);
        model.addAttribute("from", from == null ? start.toString() : from);
        model.addAttribute("to", to == null ? end.toString() : to);
        SlaReport report = null;
        if (errors.isEmpty()) {
            try {
                report = sla.report(start, end);
            } catch (InvalidInput e) {
                errors.reject(e.field().equals("from") ? "from" : "to", "The range", e);
            }
        }
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("report", report);
        model.addAttribute("rows", report == null ? List.of() : rows(report));
        model.addAttribute("weekLabels", report == null ? List.of()
                : report.weeks().stream().map(WEEK::format).toList());
        model.addAttribute("chart", report == null ? "{}" : json.writeValueAsString(chart(report)));
        return "admin/sla-report";
    }

    /**
     * The same figures as CSV, one row per policy and target: met and decided per week and for the whole range.
     * Policy names are the admins' text, so every cell goes through {@link CsvCells}.
     */
    @GetMapping(value = "/admin/sla-report.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to) {
        FieldErrors errors = new FieldErrors();
        LocalDate end = end(to, errors);
        LocalDate start = start(from, end, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors.asMap().keySet().iterator().next(),
                    errors.asMap().values().iterator().next());
        }
        SlaReport report = sla.report(start, end);
        StringBuilder csv = new StringBuilder();
        List<Object> header = new ArrayList<>(List.of("policy", "active", "target"));
        report.weeks().forEach(w -> header.addAll(List.of("met week of " + w, "decided week of " + w)));
        header.addAll(List.of("met whole range", "decided whole range"));
        csv.append(CsvCells.row(header));
        for (SlaReport.PolicyFigures p : report.policies()) {
            for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
                boolean first = target == SlaTarget.FIRST_RESPONSE;
                List<Object> row = new ArrayList<>(List.of(p.policy().name(), p.policy().active(), target.name()));
                p.weeks().forEach(w -> tally(row, first ? w.firstResponse() : w.resolution()));
                tally(row, first ? p.firstResponse() : p.resolution());
                csv.append(CsvCells.row(row));
            }
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"sla-report-" + start + "-to-" + end
                        + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8)).body(csv.toString());
    }

    private static void tally(List<Object> row, SlaReport.Tally tally) {
        row.add(tally.met());
        row.add(tally.decided());
    }

    /** One policy's figures for one target: a cell per week and one for the whole range. */
    record ReportRow(String policyId, String policy, boolean active, boolean first, String target, String targetLabel,
            List<Cell> cells) {
    }

    /** "67%" and "2 of 3 · 1 pending"; untracked targets and weeks without a decided clock have no percent. */
    record Cell(boolean tracked, @Nullable String percent, String detail) {

        static Cell of(boolean tracked, SlaReport.Tally tally) {
            Double percent = tally.percentMet();
            String detail = tally.decided() == 0 && tally.pending() == 0 ? ""
                    : tally.met() + " of " + tally.decided() + (tally.pending() > 0 ? " · " + tally.pending()
                            + " pending" : "");
            return new Cell(tracked, percent == null ? null : Math.round(percent) + "%", tracked ? detail : "");
        }
    }

    static List<ReportRow> rows(SlaReport report) {
        List<ReportRow> rows = new ArrayList<>();
        for (SlaReport.PolicyFigures p : report.policies()) {
            for (SlaTarget target : List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION)) {
                boolean tracked = p.policy().policy().targets().containsKey(target);
                boolean first = target == SlaTarget.FIRST_RESPONSE;
                List<Cell> cells = new ArrayList<>();
                p.weeks().forEach(w -> cells.add(Cell.of(tracked, first ? w.firstResponse() : w.resolution())));
                cells.add(Cell.of(tracked, first ? p.firstResponse() : p.resolution()));
                rows.add(new ReportRow(p.policy().id().toString(), p.policy().name(), p.policy().active(), first,
                        target.name(), first ? "First response" : "Resolution", cells));
            }
        }
        return rows;
    }

    /** What the chart script draws: one line per policy and target, percent met per week (null: no data). */
    static Map<String, Object> chart(SlaReport report) {
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (SlaReport.PolicyFigures p : report.policies()) {
            if (p.firstResponse().decided() > 0) {
                datasets.add(line(p.policy().name() + " · first response", "FIRST_RESPONSE",
                        p.weeks().stream().map(w -> rounded(w.firstResponse().percentMet())).toList()));
            }
            if (p.resolution().decided() > 0) {
                datasets.add(line(p.policy().name() + " · resolution", "RESOLUTION",
                        p.weeks().stream().map(w -> rounded(w.resolution().percentMet())).toList()));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("labels", report.weeks().stream().map(w -> "Week of " + WEEK.format(w)).toList());
        chart.put("datasets", datasets);
        return chart;
    }

    private static Map<String, Object> line(String label, String target, List<@Nullable Double> data) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("label", label);
        line.put("target", target);
        line.put("data", data);
        return line;
    }

    private static @Nullable Double rounded(@Nullable Double percent) {
        return percent == null ? null : Math.round(percent * 10) / 10.0;
    }

    /** The range's last day: today unless chosen. */
    private LocalDate end(@Nullable String to, FieldErrors errors) {
        return date(to, "to", LocalDate.now(clock), errors);
    }

    /** The range's first day: the Monday {@value #DEFAULT_WEEKS} weeks back unless chosen. */
    private static LocalDate start(@Nullable String from, LocalDate end, FieldErrors errors) {
        return date(from, "from",
                end.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).minusWeeks(DEFAULT_WEEKS - 1), errors);
    }

    private static LocalDate date(@Nullable String text, String field, LocalDate otherwise, FieldErrors errors) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            errors.reject(field, "'" + text + "' is not a date like 2026-11-23");
            return otherwise;
        }
    }
}

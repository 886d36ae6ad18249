package io.repdesk.web.workspace;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.journal.Journal;
import io.repdesk.prevent.Evidence;
import io.repdesk.prevent.EvidenceExport;
import io.repdesk.prevent.NeedEvidence;
import io.repdesk.prevent.Overrepresentation;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import tools.jackson.databind.json.JsonMapper;

/** A need's evidence for engineering: the page with its charts, and its CSV and Markdown exports. */
@Controller
@Permits(Permission.VIEW_WORK)
class EvidenceController {

    static final int LIFT_BARS = 10;

    private final NeedEvidence evidence;
    private final Journal journal;
    private final JsonMapper json;
    private final io.repdesk.prevent.ProactiveNotices notices;

    /** A notice sent about the need, with its effect so far (null until a day has passed). */
    record NoticeRow(io.repdesk.prevent.Notice notice, io.repdesk.prevent.@org.jspecify.annotations.Nullable
            NoticeEffect effect) {
    }

    private final io.repdesk.prevent.UpgradeWarnings upgradeWarnings;

    EvidenceController(NeedEvidence evidence, Journal journal, JsonMapper json,
            io.repdesk.prevent.ProactiveNotices notices, io.repdesk.prevent.UpgradeWarnings upgradeWarnings) {
        this.upgradeWarnings = upgradeWarnings;
        this.notices = notices;
        this.evidence = evidence;
        this.journal = journal;
        this.json = json;
    }

    @GetMapping("/needs/{id}/evidence")
    String show(@PathVariable UUID id, Model model) {
        Evidence e = evidence.of(new NeedId(id));
        model.addAttribute("e", e);
        model.addAttribute("need", e.need());
        model.addAttribute("volumeChart", volumeChart(e));
        model.addAttribute("liftChart", liftChart(e));
        upgradeWarnings.raise(e.upgradeWarnings());
        model.addAttribute("upgradeWarnings", e.upgradeWarnings());
        model.addAttribute("history", journal.forStream("prevent", id));
        model.addAttribute("notices", notices.ofNeed(e.need().id()).stream()
                .map(n -> new NoticeRow(n, notices.effect(n))).toList());
        return "evidence";
    }

    @GetMapping("/needs/{id}/evidence.csv")
    ResponseEntity<String> csv(@PathVariable UUID id, @RequestParam(defaultValue = "attributes") String table) {
        Evidence e = evidence.of(new NeedId(id));
        String body = switch (table) {
            case "attributes" -> EvidenceExport.attributesCsv(e);
            case "weekly" -> EvidenceExport.weeklyCsv(e);
            case "upgrades" -> EvidenceExport.upgradeWarningsCsv(e);
            default -> throw new InvalidInput("table", "must be attributes, weekly or upgrades");
        };
        return download(body, new MediaType("text", "csv", StandardCharsets.UTF_8),
                e.need().key() + "-" + table + ".csv");
    }

    /** The whole dataset as JSON, as the API gives it, for a download from the page (the API takes no session). */
    @GetMapping("/needs/{id}/evidence.json")
    ResponseEntity<String> jsonExport(@PathVariable UUID id) {
        Evidence e = evidence.of(new NeedId(id));
        return download(json.writeValueAsString(e), MediaType.APPLICATION_JSON, e.need().key() + "-evidence.json");
    }

    @GetMapping("/needs/{id}/evidence.md")
    ResponseEntity<String> markdown(@PathVariable UUID id) {
        Evidence e = evidence.of(new NeedId(id));
        return download(EvidenceExport.markdown(e), new MediaType("text", "markdown", StandardCharsets.UTF_8),
                e.need().key() + "-brief.md");
    }

    private static ResponseEntity<String> download(String body, MediaType type, String name) {
        return ResponseEntity.ok().contentType(type).header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString()).body(body);
    }

    /** Contacts and customers per week, as JSON for the chart (the page allows no inline script). */
    private String volumeChart(Evidence e) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", e.weekly().stream().map(w -> w.week().toString()).toList());
        data.put("contacts", e.weekly().stream().map(Evidence.Week::contacts).toList());
        data.put("customers", e.weekly().stream().map(Evidence.Week::customers).toList());
        return json.writeValueAsString(data);
    }

    /** The lift of the most over-represented values, significant ones marked. */
    private String liftChart(Evidence e) {
        List<Overrepresentation> top = e.overrepresented().stream().limit(LIFT_BARS).toList();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", top.stream().map(o -> o.fieldLabel() + " " + o.value()).toList());
        data.put("lifts", top.stream().map(o -> Math.round(o.lift() * 100) / 100.0).toList());
        data.put("significant", top.stream().map(Overrepresentation::significant).toList());
        return json.writeValueAsString(data);
    }
}

package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NeedLoad;
import io.repdesk.casework.SupportCase;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/**
 * The agent inbox, grouped by service need: unlinked cases first (triage), then every need with open
 * cases, busiest first. A group's cases load when it is opened.
 */
@Controller
@Permits(Permission.VIEW_WORK)
class InboxController {

    static final int TRIAGE_SHOWN = 25;
    static final int GROUP_SHOWN = 20;
    /** Need groups shown, busiest first. */
    static final int GROUPS_SHOWN = 200;

    private final CaseManagement cases;
    private final NeedManagement needs;
    private final CaseRows rows;
    private final Suggestions suggestions;

    InboxController(CaseManagement cases, NeedManagement needs, CaseRows rows, Suggestions suggestions) {
        this.suggestions = suggestions;
        this.cases = cases;
        this.needs = needs;
        this.rows = rows;
    }

    /** One inbox group: a need and how many open cases it has. */
    record Group(ServiceNeed need, long openCases) {
    }

    @GetMapping("/inbox")
    String inbox(Model model) {
        List<SupportCase> triage = cases.latest(CaseFilter.openInTriage(), TRIAGE_SHOWN);
        long triageTotal = cases.openInTriage();
        List<NeedLoad> loads = cases.openLoadByNeed();
        // the busiest needs only: thousands of groups would make a page no one reads to the end
        List<NeedLoad> shown = loads.subList(0, Math.min(loads.size(), GROUPS_SHOWN));
        Map<NeedId, ServiceNeed> byId = needs.getAll(shown.stream().map(NeedLoad::needId).toList());
        List<Group> groups = shown.stream().filter(l -> byId.containsKey(l.needId()))
                .map(l -> new Group(byId.get(l.needId()), l.openCases())).toList();
        model.addAttribute("needsWithOpenCases", loads.size());
        model.addAttribute("triage", rows.of(triage));
        model.addAttribute("triageByCase", triage.stream()
                .collect(java.util.stream.Collectors.toMap(SupportCase::id, c -> suggestions.of(c.id()))));
        model.addAttribute("triageTotal", triageTotal);
        model.addAttribute("groups", groups);
        model.addAttribute("openTotal", triageTotal + loads.stream().mapToLong(NeedLoad::openCases).sum());
        return "inbox";
    }

    /** The open cases of one need, as an htmx fragment inside its inbox group. */
    @GetMapping("/inbox/needs/{id}")
    String group(@PathVariable java.util.UUID id, Model model) {
        ServiceNeed need = needs.get(new NeedId(id));
        Page<SupportCase> open = cases.list(CaseFilter.openForNeed(need.id()), PageRequest.first(GROUP_SHOWN));
        model.addAttribute("need", need);
        model.addAttribute("rows", rows.of(open.items()));
        model.addAttribute("total", open.total());
        return "inbox :: group-cases";
    }
}

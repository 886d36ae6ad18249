package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NeedLoad;
import io.repdesk.casework.SupportCase;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** The catalogue of needs and the page of one need with its cases. */
@Controller
class NeedController {

    static final int CASES_PER_PAGE = 50;

    private final NeedManagement needs;
    private final CaseManagement cases;
    private final CaseRows caseRows;
    private final Journal journal;

    NeedController(NeedManagement needs, CaseManagement cases, CaseRows caseRows, Journal journal) {
        this.needs = needs;
        this.cases = cases;
        this.caseRows = caseRows;
        this.journal = journal;
    }

    /** A need with its open-case count, as a row of the catalogue. */
    record NeedRow(ServiceNeed need, long openCases) {
    }

    @GetMapping("/needs")
    String list(Model model) {
        Map<NeedId, Long> open = cases.openLoadByNeed().stream()
                .collect(java.util.stream.Collectors.toMap(NeedLoad::needId, NeedLoad::openCases));
        List<NeedRow> rows = needs.all().stream()
                .map(n -> new NeedRow(n, open.getOrDefault(n.id(), 0L)))
                .sorted(java.util.Comparator.comparingLong(NeedRow::openCases).reversed())
                .toList();
        model.addAttribute("rows", rows);
        return "needs";
    }

    @GetMapping("/needs/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ServiceNeed need = needs.get(new NeedId(id));
        boolean onlyOpen = !"all".equals(show);
        CaseFilter filter = new CaseFilter(null, onlyOpen ? Boolean.TRUE : null, need.id(), null, null, null);
        Page<SupportCase> list = cases.list(filter, new PageRequest(Math.max(page, 0), CASES_PER_PAGE));
        model.addAttribute("need", need);
        model.addAttribute("show", onlyOpen ? "open" : "all");
        model.addAttribute("cases", list);
        model.addAttribute("rows", caseRows.of(list.items()));
        model.addAttribute("history", journal.forStream("need", need.id().value()));
        return "need";
    }
}

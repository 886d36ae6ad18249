package io.repdesk.web.workspace;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.PageRequest;

/** The full audit history of a case, a need or a customer, newest first, paged: everyone who may view it may read it. */
@Controller
@Permits(Permission.VIEW_WORK)
class HistoryController {

    static final int PER_PAGE = 50;

    private final AuditTrail audit;
    private final CaseManagement cases;
    private final NeedManagement needs;
    private final CustomerManagement customers;

    HistoryController(AuditTrail audit, CaseManagement cases, NeedManagement needs, CustomerManagement customers) {
        this.audit = audit;
        this.cases = cases;
        this.needs = needs;
        this.customers = customers;
    }

    @GetMapping("/cases/{reference}/history")
    String ofCase(@PathVariable String reference, @RequestParam(defaultValue = "0") int page, Model model) {
        SupportCase supportCase = cases.byReference(reference);
        model.addAttribute("subject", supportCase.reference() + " " + supportCase.subject());
        model.addAttribute("back", "/cases/" + supportCase.reference());
        model.addAttribute("history", audit.ofCase(supportCase, new PageRequest(Math.max(page, 0), PER_PAGE)));
        return "history";
    }

    @GetMapping("/needs/{id}/history")
    String ofNeed(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        ServiceNeed need = needs.get(new NeedId(id));
        model.addAttribute("subject", need.title());
        model.addAttribute("back", "/needs/" + need.id());
        model.addAttribute("history", audit.ofNeed(need, new PageRequest(Math.max(page, 0), PER_PAGE)));
        return "history";
    }

    @GetMapping("/customers/{id}/history")
    String ofCustomer(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        Customer customer = customers.get(new CustomerId(id));
        model.addAttribute("subject", customer.name());
        model.addAttribute("back", "/customers/" + customer.id());
        model.addAttribute("history", audit.ofCustomer(customer, new PageRequest(Math.max(page, 0), PER_PAGE)));
        return "history";
    }
}

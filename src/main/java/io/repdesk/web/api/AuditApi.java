package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CASES_READ;
import static io.repdesk.security.ApiScope.CUSTOMERS_READ;
import static io.repdesk.security.ApiScope.NEEDS_READ;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.casework.CaseManagement;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.PageRequest;
import io.repdesk.web.api.ApiViews.PageView;
import io.repdesk.web.workspace.AuditTrail;

/**
 * The audit trail of a case (with its contacts and merged cases), a need, or a customer (with their cases,
 * contacts and portal account), newest first: who changed what, when, each value before and after.
 */
@RestController
@RequestMapping("/api/v1")
@Permits(Permission.VIEW_WORK)
class AuditApi {

    private final AuditTrail audit;
    private final CaseManagement cases;
    private final NeedManagement needs;
    private final CustomerManagement customers;

    AuditApi(AuditTrail audit, CaseManagement cases, NeedManagement needs, CustomerManagement customers) {
        this.audit = audit;
        this.cases = cases;
        this.needs = needs;
        this.customers = customers;
    }

    @GetMapping("/cases/{id}/audit")
    @RequiresScope(CASES_READ)
    PageView<AuditTrail.Entry> ofCase(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(audit.ofCase(cases.get(new CaseId(id)), new PageRequest(page, size)), e -> e);
    }

    @GetMapping("/needs/{id}/audit")
    @RequiresScope(NEEDS_READ)
    PageView<AuditTrail.Entry> ofNeed(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(audit.ofNeed(needs.get(new NeedId(id)), new PageRequest(page, size)), e -> e);
    }

    @GetMapping("/customers/{id}/audit")
    @RequiresScope(CUSTOMERS_READ)
    PageView<AuditTrail.Entry> ofCustomer(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(audit.ofCustomer(customers.get(new CustomerId(id)), new PageRequest(page, size)), e -> e);
    }
}

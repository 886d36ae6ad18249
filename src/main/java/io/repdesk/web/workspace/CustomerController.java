package io.repdesk.web.workspace;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.PageRequest;

/** One customer: profile, environment, cases, and the timeline across every channel. */
@Controller
class CustomerController {

    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final ContactManagement contacts;

    CustomerController(CustomerManagement customers, CaseManagement cases, ContactManagement contacts) {
        this.customers = customers;
        this.cases = cases;
        this.contacts = contacts;
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
        Customer customer = customers.get(new CustomerId(id));
        model.addAttribute("customer", customer);
        model.addAttribute("organization",
                customer.organizationId() == null ? null : customers.organization(customer.organizationId()));
        var customerCases = cases.list(CaseFilter.forCustomer(customer.id()), PageRequest.first(100));
        model.addAttribute("cases", customerCases);
        model.addAttribute("caseById", customerCases.items().stream()
                .collect(java.util.stream.Collectors.toMap(c -> c.id(), c -> c)));
        model.addAttribute("timeline", contacts.timeline(customer.id(), new PageRequest(Math.max(page, 0), 50)));
        return "customer";
    }
}

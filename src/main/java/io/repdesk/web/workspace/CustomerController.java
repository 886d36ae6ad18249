package io.repdesk.web.workspace;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactFilter;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.insight.Dashboards;
import io.repdesk.need.NeedManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** One customer: profile, environment, the 360 summary before a renewal call, and the timeline across every channel. */
@Controller
@Permits(Permission.VIEW_WORK)
class CustomerController {

    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final NeedManagement needs;
    private final AuditTrail audit;
    private final Dashboards dashboards;

    CustomerController(CustomerManagement customers, CaseManagement cases, ContactManagement contacts,
            NeedManagement needs, AuditTrail audit, Dashboards dashboards) {
        this.audit = audit;
        this.needs = needs;
        this.dashboards = dashboards;
        this.customers = customers;
        this.cases = cases;
        this.contacts = contacts;
    }

    @GetMapping("/customers/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) @Nullable Channel channel, Model model) {
        Customer customer = customers.get(new CustomerId(id));
        model.addAttribute("customer", customer);
        model.addAttribute("insight", dashboards.customer(customer.id()));
        model.addAttribute("noticesOptedOut", customers.optedOutOfNotices(customer.id()));
        model.addAttribute("organization",
                customer.organizationId() == null ? null : customers.organization(customer.organizationId()));
        var customerCases = cases.list(CaseFilter.forCustomer(customer.id()), PageRequest.first(100));
        model.addAttribute("cases", customerCases);
        Page<Contact> timeline = contacts.list(new ContactFilter(customer.id(), null, channel, null, null, null),
                new PageRequest(Math.max(page, 0), 50));
        Map<CaseId, SupportCase> caseById = new HashMap<>();
        timeline.items().forEach(c -> caseById.computeIfAbsent(c.caseId(), cases::get));
        model.addAttribute("caseById", caseById);
        model.addAttribute("needById", needs.getAll(caseById.values().stream().map(SupportCase::needId)
                .filter(Objects::nonNull).distinct().toList()));
        model.addAttribute("timeline", timeline);
        model.addAttribute("channel", channel);
        model.addAttribute("channels", Channel.values());
        model.addAttribute("history", audit.ofCustomer(customer, PageRequest.first(CaseController.RECENT_HISTORY)));
        return "customer";
    }

    /** Whether the customer receives proactive notices, as they asked an agent. */
    @Permits(Permission.EDIT_CUSTOMERS)
    @org.springframework.web.bind.annotation.PostMapping("/customers/{id}/notice-preference")
    String noticePreference(@PathVariable UUID id, @RequestParam(defaultValue = "false") boolean optedOut,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        customers.setNoticeOptOut(new CustomerId(id), optedOut);
        redirect.addFlashAttribute("notice", optedOut ? "Opted out of proactive notices."
                : "Receives proactive notices again.");
        return "redirect:/customers/" + id;
    }

    /**
     * The customer upgraded, changed platform or plan, as the agent learned it: journaled with the day it took
     * effect (today means now), which fix verification and upgrade warnings read back. Custom attributes stay.
     */
    @Permits(Permission.EDIT_CUSTOMERS)
    @org.springframework.web.bind.annotation.PostMapping("/customers/{id}/environment")
    String changeEnvironment(@PathVariable UUID id, @RequestParam Map<String, String> form,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        Customer customer = customers.get(new CustomerId(id));
        try {
            java.time.Instant at = effectiveFrom(form.get("changedOn"));
            EnvironmentProfile profile = new EnvironmentProfile(field(form, "product"), field(form, "version"),
                    field(form, "platform"), field(form, "plan"), field(form, "region"),
                    customer.environment().attributes());
            customers.changeEnvironment(customer.id(), profile, at);
            redirect.addFlashAttribute("notice", "Environment saved.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("environmentError", label(e.field()) + " " + e.reason() + ".");
            redirect.addFlashAttribute("environmentForm", new HashMap<>(form));
        }
        return "redirect:/customers/" + id + "#environment";
    }

    private static final int MAX_ENVIRONMENT_VALUE = 200;

    private static String label(String field) {
        return "changedOn".equals(field) ? "The day it changed"
                : Character.toUpperCase(field.charAt(0)) + field.substring(1);
    }

    private static @Nullable String field(Map<String, String> form, String name) {
        String value = form.get(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        String clean = value.strip();
        if (clean.length() > MAX_ENVIRONMENT_VALUE) {
            throw new InvalidInput(name, "is at most " + MAX_ENVIRONMENT_VALUE + " characters");
        }
        return clean;
    }

    private java.time.Instant effectiveFrom(@Nullable String changedOn) {
        java.time.Instant now = java.time.Instant.now();
        if (changedOn == null || changedOn.isBlank()) {
            return now;
        }
        java.time.LocalDate day;
        try {
            day = java.time.LocalDate.parse(changedOn.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new InvalidInput("changedOn", "is a date like 2026-11-26");
        }
        java.time.LocalDate today = now.atZone(java.time.ZoneOffset.UTC).toLocalDate();
        if (day.isAfter(today)) {
            throw new InvalidInput("changedOn", "must not be in the future");
        }
        return day.equals(today) ? now : day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
}

package io.repdesk.web.admin;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.Priority;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.contact.Channel;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.Organization;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.NeedId;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.sla.SlaTarget;

/** SLA policies: the list by rank, and a form to define or change one through {@link SlaManagement}. */
@Controller
@RequestMapping("/admin/sla-policies")
@Permits(Permission.CONFIGURE_SUPPORT)
class PolicyAdminController {

    /** How many organizations the condition offers; more would make the page heavy. */
    static final int ORGANIZATIONS_OFFERED = 1_000;

    private final SlaManagement sla;
    private final CustomerManagement customers;
    private final NeedManagement needs;

    PolicyAdminController(SlaManagement sla, CustomerManagement customers, NeedManagement needs) {
        this.sla = sla;
        this.customers = customers;
        this.needs = needs;
    }

    /** A policy as a row of the list; targets as "4 h", "1 h 30 min", or "—" when not tracked. */
    record PolicyRow(String id, String name, ServicePolicy.Kind kind, int rank, String calendar, String firstResponse,
            String nextResponse, String resolution, String conditions, boolean active) {
    }

    @GetMapping
    String list(Model model) {
        Map<String, String> calendars = new HashMap<>();
        sla.calendars().forEach(c -> calendars.put(c.id().toString(), c.name()));
        Map<OrganizationId, String> organizations = new HashMap<>();
        List<PolicyRow> rows = sla.policies().stream().map(p -> {
            var targets = p.policy().targets();
            return new PolicyRow(p.id().toString(), p.name(), p.kind(), p.rank(),
                    calendars.getOrDefault(p.calendarId().toString(), "—"), span(targets.get(SlaTarget.FIRST_RESPONSE)),
                    span(targets.get(SlaTarget.NEXT_RESPONSE)), span(targets.get(SlaTarget.RESOLUTION)),
                    conditions(p.conditions(), organizations), p.active());
        }).toList();
        model.addAttribute("policies", rows);
        return "admin/policies";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, null, PolicyForm.blank(), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, id, PolicyForm.of(policy(id)), Map.of());
    }

    @PostMapping
    ModelAndView define(@RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(null, params, model, redirect);
    }

    @PostMapping("/{id}")
    ModelAndView change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        policy(id);
        return save(id, params, model, redirect);
    }

    private ModelAndView save(@Nullable UUID id, MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        PolicyForm form = PolicyForm.from(params);
        FieldErrors errors = new FieldErrors();
        SlaManagement.NewPolicy request = form.toRequest(errors);
        if (request != null) {
            try {
                ServicePolicy saved = sla.definePolicy(id == null ? null : new SlaPolicyId(id), request);
                redirect.addFlashAttribute("notice", "Saved the SLA policy “" + saved.name() + "”.");
                return new ModelAndView("redirect:/admin/sla-policies");
            } catch (InvalidInput e) {
                PolicyForm.reject(errors, e);
            }
        }
        ModelAndView refused = new ModelAndView(form(model, id, form, errors.asMap()), model.asMap());
        refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused;
    }

    private String form(Model model, @Nullable UUID id, PolicyForm form, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("kinds", ServicePolicy.Kind.values());
        model.addAttribute("calendars", sla.calendars());
        model.addAttribute("statuses", PolicyForm.PAUSABLE);
        model.addAttribute("organizations", organizations(form.organizationId()));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("needTitle", needTitle(form.needId()));
        return "admin/policy";
    }

    /** The chosen need's title for its picker; an id that is not a need's shows as it is (its error says why). */
    private String needTitle(@Nullable String chosen) {
        if (chosen == null || chosen.isBlank()) {
            return "";
        }
        try {
            NeedId id = NeedId.of(chosen);
            ServiceNeed need = needs.getAll(List.of(id)).get(id);
            return need == null ? chosen : need.title();
        } catch (RuntimeException e) {
            return chosen;
        }
    }

    /** The organizations to offer, by name, and the chosen one even when it is not among them. */
    private List<Organization> organizations(String chosen) {
        List<Organization> offered = new ArrayList<>();
        for (int page = 0; offered.size() < ORGANIZATIONS_OFFERED; page++) {
            var batch = customers.organizations(new PageRequest(page, PageRequest.MAX_SIZE));
            offered.addAll(batch.items());
            if (!batch.hasNext()) {
                break;
            }
        }
        if (!chosen.isBlank() && offered.stream().noneMatch(o -> o.id().toString().equals(chosen.strip()))) {
            try {
                offered.add(customers.organization(new OrganizationId(UUID.fromString(chosen.strip()))));
            } catch (IllegalArgumentException | NotFound e) {
                // the form shows what was typed is not an organization
            }
        }
        offered.sort(java.util.Comparator.comparing(Organization::name, String.CASE_INSENSITIVE_ORDER));
        return offered;
    }

    private ServicePolicy policy(UUID id) {
        return sla.policy(new SlaPolicyId(id)).orElseThrow(() -> new NotFound("SLA policy", id));
    }

    /** "organization Acme, plan Gold, priority High": the conditions in words; "every case" when none. */
    private String conditions(SlaConditions when, Map<OrganizationId, String> organizationNames) {
        List<String> parts = new ArrayList<>();
        if (when.organizationId() != null) {
            parts.add("organization " + organizationNames.computeIfAbsent(when.organizationId(), this::organizationName));
        }
        if (when.plan() != null) {
            parts.add("plan " + when.plan());
        }
        if (when.priority() != null) {
            parts.add("priority " + when.priority().name().toLowerCase(java.util.Locale.ROOT));
        }
        if (when.channel() != null) {
            parts.add("channel " + when.channel().toLowerCase(java.util.Locale.ROOT));
        }
        if (when.needId() != null) {
            ServiceNeed need = needs.getAll(List.of(when.needId())).get(when.needId());
            parts.add("need “" + (need == null ? when.needId().toString() : need.title()) + "”");
        }
        return parts.isEmpty() ? "every case" : String.join(", ", parts);
    }

    private String organizationName(OrganizationId id) {
        try {
            return customers.organization(id).name();
        } catch (NotFound e) {
            return id.toString();
        }
    }

    /** "4 h", "1 h 30 min", "45 min"; "—" for a target not tracked. */
    static String span(@Nullable Duration d) {
        if (d == null) {
            return "—";
        }
        if (d.toHours() == 0) {
            return d.toMinutes() + " min";
        }
        return d.toHours() + " h" + (d.toMinutesPart() == 0 ? "" : " " + d.toMinutesPart() + " min");
    }
}

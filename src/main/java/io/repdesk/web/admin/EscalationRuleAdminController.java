package io.repdesk.web.admin;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

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

import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.EscalationRule;
import io.repdesk.casework.Priority;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.casework.TierLevel;
import io.repdesk.casework.TierManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.EscalationRuleId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.TeamId;

/** Escalation rules: the list by rank, and a form to define or change one through {@link EscalationManagement}. */
@Controller
@RequestMapping("/admin/escalation-rules")
@Permits(Permission.CONFIGURE_SUPPORT)
class EscalationRuleAdminController {

    /** The tiers a rule may send a case to: every tier above the first. */

    /** The triggers as the form offers them, with what each waits for. */
    static final Map<EscalationRule.Trigger, String> TRIGGERS = triggers();

    private final EscalationManagement escalations;

    private final TierManagement tiers;

    EscalationRuleAdminController(EscalationManagement escalations, TierManagement tiers) {
        this.escalations = escalations;
        this.tiers = tiers;
    }

    /** The levels a rule can lead to: those in use above tier 1. */
    private List<Tier> targetTiers() {
        return tiers.inUse().stream().map(TierLevel::tier).filter(t -> t != Tier.TIER_1).toList();
    }

    /** A rule as a row of the list. */
    record RuleRow(String id, int rank, String name, String trigger, String plan, String to, boolean mandatory,
            boolean active) {
    }

    @GetMapping
    String list(Model model) {
        Map<TeamId, String> teams = escalations.teams().stream().collect(Collectors.toMap(Team::id, Team::name));
        model.addAttribute("rules", escalations.rules().stream().map(r -> new RuleRow(r.id().toString(), r.rank(),
                r.name(), trigger(r), r.plan() == null ? "any" : r.plan(), to(r, teams), r.mandatory(), r.active()))
                .toList());
        return "admin/escalation-rules";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, null, EscalationRuleForm.blank(), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, id, EscalationRuleForm.of(rule(id)), Map.of());
    }

    @PostMapping
    ModelAndView define(@RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(null, params, model, redirect);
    }

    @PostMapping("/{id}")
    ModelAndView change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        rule(id);
        return save(id, params, model, redirect);
    }

    private ModelAndView save(@Nullable UUID id, MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        EscalationRuleForm form = EscalationRuleForm.from(params);
        FieldErrors errors = new FieldErrors();
        EscalationManagement.NewRule request = form.toRequest(errors);
        if (request != null) {
            try {
                EscalationRule saved = escalations.defineRule(id == null ? null : new EscalationRuleId(id), request);
                redirect.addFlashAttribute("notice", "Saved the escalation rule “" + saved.name() + "”.");
                return new ModelAndView("redirect:/admin/escalation-rules");
            } catch (InvalidInput e) {
                EscalationRuleForm.reject(errors, e);
            }
        }
        ModelAndView refused = new ModelAndView(form(model, id, form, errors.asMap()), model.asMap());
        refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused;
    }

    private String form(Model model, @Nullable UUID id, EscalationRuleForm form, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("triggers", TRIGGERS);
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("tiers", targetTiers());
        model.addAttribute("teams", escalations.teams());
        return "admin/escalation-rule";
    }

    private EscalationRule rule(UUID id) {
        EscalationRuleId ruleId = new EscalationRuleId(id);
        return escalations.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                .orElseThrow(() -> new NotFound("escalation rule", id));
    }

    /** "SLA breach", "Need unknown after 4 h", "Priority high or above", "Customer plan Gold". */
    static String trigger(EscalationRule rule) {
        return switch (rule.trigger()) {
            case SLA_WARNING -> "SLA warning";
            case SLA_BREACH -> "SLA breach";
            case NEED_UNKNOWN -> "Need unknown after " + rule.needUnknownHours() + " h";
            case PRIORITY -> "Priority " + words(rule.priority()) + " or above";
            case CUSTOMER_PLAN -> "Customer plan " + rule.plan();
        };
    }

    /** "Tier 3 · L3 crew"; the tier alone when the rule names no team (or the team is gone). */
    static String to(EscalationRule rule, Map<TeamId, String> teamNames) {
        String tier = words(rule.toTier());
        String tierLabel = Character.toUpperCase(tier.charAt(0)) + tier.substring(1);
        String team = rule.toTeamId() == null ? null : teamNames.get(rule.toTeamId());
        return team == null ? tierLabel : tierLabel + " · " + team;
    }

    private static Map<EscalationRule.Trigger, String> triggers() {
        Map<EscalationRule.Trigger, String> labels = new EnumMap<>(EscalationRule.Trigger.class);
        labels.put(EscalationRule.Trigger.SLA_WARNING, "SLA warning — a clock is within its warning lead");
        labels.put(EscalationRule.Trigger.SLA_BREACH, "SLA breach — a clock is breached");
        labels.put(EscalationRule.Trigger.NEED_UNKNOWN, "Need unknown — no need linked after the hours below");
        labels.put(EscalationRule.Trigger.PRIORITY, "Priority — the priority below or higher");
        labels.put(EscalationRule.Trigger.CUSTOMER_PLAN, "Customer plan — the customer is on the plan below");
        return java.util.Collections.unmodifiableMap(labels);
    }

    private static String words(@Nullable Enum<?> value) {
        return value == null ? "—" : value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

package io.repdesk.web.admin;

import java.util.ArrayList;
import java.util.List;
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
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.casework.TierLevel;
import io.repdesk.casework.TierManagement;
import io.repdesk.security.Agent;
import io.repdesk.security.AgentAccounts;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.TeamId;

/** Teams: the list, and a form to define or change one through {@link EscalationManagement}. */
@Controller
@RequestMapping("/admin/teams")
@Permits(Permission.CONFIGURE_SUPPORT)
class TeamAdminController {

    private final EscalationManagement escalations;
    private final AgentAccounts agents;
    private final TierManagement tiers;

    TeamAdminController(EscalationManagement escalations, AgentAccounts agents, TierManagement tiers) {
        this.tiers = tiers;
        this.escalations = escalations;
        this.agents = agents;
    }

    /** A team as a row of the list. */
    record TeamRow(String id, String name, Tier tier, Team.Assignment assignment, String members) {

        static TeamRow of(Team t) {
            return new TeamRow(t.id().toString(), t.name(), t.tier(), t.assignment(), TeamAdminController.members(t));
        }
    }

    /** An agent the form offers as a member. */
    record AgentChoice(String username, String label) {
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("teams", escalations.teams().stream().map(TeamRow::of).toList());
        return "admin/teams";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, null, TeamForm.blank(), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, id, TeamForm.of(team(id)), Map.of());
    }

    @PostMapping
    ModelAndView define(@RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        return save(null, params, model, redirect);
    }

    @PostMapping("/{id}")
    ModelAndView change(@PathVariable UUID id, @RequestParam MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        team(id);
        return save(id, params, model, redirect);
    }

    private ModelAndView save(@Nullable UUID id, MultiValueMap<String, String> params, Model model,
            RedirectAttributes redirect) {
        TeamForm form = TeamForm.from(params);
        FieldErrors errors = new FieldErrors();
        EscalationManagement.NewTeam request = form.toRequest(errors);
        if (request != null) {
            try {
                Team saved = escalations.defineTeam(id == null ? null : new TeamId(id), request);
                redirect.addFlashAttribute("notice", "Saved the team “" + saved.name() + "”.");
                return new ModelAndView("redirect:/admin/teams");
            } catch (InvalidInput e) {
                TeamForm.reject(errors, e);
            }
        }
        ModelAndView refused = new ModelAndView(form(model, id, form, errors.asMap()), model.asMap());
        refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused;
    }

    private String form(Model model, @Nullable UUID id, TeamForm form, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("tiers", tiers.inUse().stream().map(TierLevel::tier).toList());
        model.addAttribute("assignments", Team.Assignment.values());
        model.addAttribute("agents", choices(agents.all(), form.members()));
        return "admin/team";
    }

    private Team team(UUID id) {
        TeamId teamId = new TeamId(id);
        return escalations.teams().stream().filter(t -> t.id().equals(teamId)).findFirst()
                .orElseThrow(() -> new NotFound("team", id));
    }

    /** The members first, in their order, then the other accounts; a member without an account is still offered. */
    static List<AgentChoice> choices(List<Agent> accounts, List<String> members) {
        Map<String, Agent> byName = accounts.stream().collect(Collectors.toMap(Agent::username, a -> a));
        List<AgentChoice> choices = new ArrayList<>();
        for (String member : members) {
            Agent account = byName.get(member);
            choices.add(new AgentChoice(member, account == null ? member + " (no account)" : label(account)));
        }
        accounts.stream().filter(a -> !members.contains(a.username()))
                .forEach(a -> choices.add(new AgentChoice(a.username(), label(a))));
        return choices;
    }

    private static String label(Agent agent) {
        return agent.displayName() + " · " + agent.username() + (agent.enabled() ? "" : " (disabled)");
    }

    /** "agent (available), sam.tier2 (away)"; "none" for a team without members. */
    static String members(Team team) {
        if (team.members().isEmpty()) {
            return "none";
        }
        return team.members().stream().map(m -> m.agent() + (m.available() ? " (available)" : " (away)"))
                .collect(Collectors.joining(", "));
    }
}

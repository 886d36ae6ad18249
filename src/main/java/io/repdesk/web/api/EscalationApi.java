package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CASES_READ;
import static io.repdesk.security.ApiScope.CASES_WRITE;
import static io.repdesk.security.ApiScope.SETTINGS_READ;
import static io.repdesk.security.ApiScope.SETTINGS_WRITE;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.casework.Escalation;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.EscalationRule;
import io.repdesk.casework.Priority;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.EscalationRuleId;
import io.repdesk.shared.Ids;
import io.repdesk.shared.TeamId;
import io.repdesk.web.api.ApiViews.CaseView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Teams, escalation rules, and escalating a case. */
@RestController
@RequestMapping("/api/v1")
class EscalationApi {

    private final EscalationManagement escalations;
    private final io.repdesk.casework.CaseManagement cases;

    EscalationApi(EscalationManagement escalations, io.repdesk.casework.CaseManagement cases) {
        this.escalations = escalations;
        this.cases = cases;
    }

    record TeamBody(@NotBlank @Size(max = 100) String name, @NotNull Tier tier, @NotNull Team.Assignment assignment,
            @Nullable List<Team.Member> members) {
    }

    record RuleBody(@NotBlank @Size(max = 100) String name, @NotNull EscalationRule.Trigger trigger,
            @Positive @Nullable Integer needUnknownHours, @Nullable Priority priority,
            @Size(max = 100) @Nullable String plan, @Nullable Tier toTier, @Nullable String toTeamId,
            @Nullable Boolean mandatory, @Nullable Boolean active, int rank) {
    }

    record QueueBody(@Nullable String teamId) {
    }

    record EscalateBody(@Nullable Tier toTier, @Nullable String toTeamId, @Size(max = 500) @Nullable String reason) {
    }

    record TeamView(String id, String name, Tier tier, Team.Assignment assignment, List<Team.Member> members) {

        static TeamView of(Team t) {
            return new TeamView(t.id().toString(), t.name(), t.tier(), t.assignment(), t.members());
        }
    }

    record RuleView(String id, String name, EscalationRule.Trigger trigger, @Nullable Integer needUnknownHours,
            @Nullable Priority priority, @Nullable String plan, Tier toTier, @Nullable String toTeamId,
            boolean mandatory, boolean active, int rank) {

        static RuleView of(EscalationRule r) {
            return new RuleView(r.id().toString(), r.name(), r.trigger(), r.needUnknownHours(), r.priority(), r.plan(),
                    r.toTier(), r.toTeamId() == null ? null : r.toTeamId().toString(), r.mandatory(), r.active(),
                    r.rank());
        }
    }

    @GetMapping("/teams")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<TeamView> teams() {
        return escalations.teams().stream().map(TeamView::of).toList();
    }

    @PostMapping("/teams")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    ResponseEntity<TeamView> createTeam(@Valid @RequestBody TeamBody body) {
        Team team = escalations.defineTeam(null, team(body));
        return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(TeamView.of(team));
    }

    @PutMapping("/teams/{id}")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    TeamView replaceTeam(@PathVariable UUID id, @Valid @RequestBody TeamBody body) {
        return TeamView.of(escalations.defineTeam(new TeamId(id), team(body)));
    }

    @GetMapping("/escalation-rules")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<RuleView> rules() {
        return escalations.rules().stream().map(RuleView::of).toList();
    }

    @PostMapping("/escalation-rules")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    ResponseEntity<RuleView> createRule(@Valid @RequestBody RuleBody body) {
        EscalationRule rule = escalations.defineRule(null, rule(body));
        return ResponseEntity.created(URI.create("/api/v1/escalation-rules/" + rule.id())).body(RuleView.of(rule));
    }

    @PutMapping("/escalation-rules/{id}")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    RuleView replaceRule(@PathVariable UUID id, @Valid @RequestBody RuleBody body) {
        return RuleView.of(escalations.defineRule(new EscalationRuleId(id), rule(body)));
    }

    @GetMapping("/cases/{id}/escalations")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CASES_READ)
    List<Escalation> escalationsOf(@PathVariable UUID id) {
        cases.get(new CaseId(id));
        return escalations.escalations(new CaseId(id));
    }

    @PostMapping("/cases/{id}/escalations")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseView escalate(@PathVariable UUID id, @Valid @RequestBody EscalateBody body) {
        CaseId caseId = new CaseId(id);
        escalations.escalate(caseId, body.toTier(),
                body.toTeamId() == null ? null : new TeamId(Ids.parse(body.toTeamId(), "toTeamId")), body.reason());
        return CaseView.of(cases.get(caseId));
    }

    /** Puts the case in the queue of a team of its own tier. */
    @PostMapping("/cases/{id}/queue")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseView queue(@PathVariable UUID id, @Valid @RequestBody QueueBody body) {
        CaseId caseId = new CaseId(id);
        escalations.queue(caseId, body.teamId() == null ? null : new TeamId(Ids.parse(body.teamId(), "teamId")));
        return CaseView.of(cases.get(caseId));
    }

    private static EscalationManagement.NewTeam team(TeamBody body) {
        return new EscalationManagement.NewTeam(body.name(), body.tier(), body.assignment(),
                body.members() == null ? List.of() : body.members());
    }

    private static EscalationManagement.NewRule rule(RuleBody body) {
        return new EscalationManagement.NewRule(body.name(), body.trigger(), body.needUnknownHours(), body.priority(),
                body.plan(), body.toTier(),
                body.toTeamId() == null ? null : new TeamId(Ids.parse(body.toTeamId(), "toTeamId")),
                body.mandatory() == null || body.mandatory(), body.active() == null || body.active(), body.rank());
    }
}

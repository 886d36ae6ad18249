package io.repdesk.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.casework.CaseEvents.CaseEscalated;
import io.repdesk.journal.Changes;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.EscalationRuleId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.TeamId;
import io.repdesk.sla.ClockStatus;

/**
 * Teams, escalation rules and escalations. A person escalates a case with a reason; a mandatory rule
 * escalates it on its own (once per rule and case) when its trigger holds; an optional rule is offered
 * on the case page. Every escalation is kept with the case and journaled, and the receiving team's
 * assignment picks the new assignee.
 */
@Service
@Transactional(readOnly = true)
public class EscalationManagement {

    /** Open cases the mandatory rules are applied to per page. */
    private static final int RULES_PAGE = 1_000;

    private final EscalationStore store;
    private final Cases cases;
    private final SlaManagement sla;
    private final Journal journal;
    private final ApplicationEventPublisher events;
    private final TierManagement tiers;
    private final Clock clock;

    EscalationManagement(EscalationStore store, Cases cases, SlaManagement sla, Journal journal,
            ApplicationEventPublisher events, TierManagement tiers, Clock clock) {
        this.tiers = tiers;
        this.store = store;
        this.cases = cases;
        this.sla = sla;
        this.journal = journal;
        this.events = events;
        this.clock = clock;
    }

    /** A team to define or replace. */
    public record NewTeam(String name, Tier tier, Team.Assignment assignment, List<Team.Member> members) {
    }

    /** A rule to define or replace; see {@link EscalationRule} for the fields. */
    public record NewRule(String name, EscalationRule.Trigger trigger, @Nullable Integer needUnknownHours,
            @Nullable Priority priority, @Nullable String plan, @Nullable Tier toTier, @Nullable TeamId toTeamId,
            boolean mandatory, boolean active, int rank) {
    }

    /** An optional rule that applies to a case now, and why. */
    public record Suggested(EscalationRule rule, String reason) {
    }

    @Transactional
    public Team defineTeam(@Nullable TeamId id, NewTeam request) {
        TeamId teamId = id == null ? TeamId.random() : id;
        if (id != null && store.team(id).isEmpty()) {
            throw new NotFound("team", id);
        }
        String name = request.name() == null ? "" : request.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInput("name", "must not be blank");
        }
        if (store.teamNameTaken(name, teamId)) {
            throw new InvalidInput("name", "is already the name of another team");
        }
        if (request.tier() != null && !tiers.level(request.tier()).inUse()) {
            throw new InvalidInput("tier", tiers.level(request.tier()).name() + " is not in use");
        }
        Set<String> agents = new HashSet<>();
        for (Team.Member m : request.members()) {
            if (m.agent() == null || m.agent().isBlank()) {
                throw new InvalidInput("members", "every member needs an agent name");
            }
            if (!agents.add(m.agent().strip())) {
                throw new InvalidInput("members", m.agent() + " is listed twice");
            }
        }
        Team team = new Team(teamId, name, request.tier(), request.assignment(), request.members().stream()
                .map(m -> new Team.Member(m.agent().strip(), m.available())).toList());
        Map<String, Object> before = id == null ? Map.of() : facts(store.team(id).orElseThrow());
        store.save(team, clock.instant());
        journal.append("team", teamId.value(), id == null ? "TeamDefined" : "TeamChanged",
                Changes.withBefore(facts(team), before));
        return team;
    }

    public List<Team> teams() {
        return store.teams();
    }

    /** A team's queue: its open cases, most urgent by SLA first; {@code mine} limits it to one agent's. */
    public io.repdesk.shared.Page<QueueEntry> queue(TeamId team, @Nullable String mine,
            io.repdesk.shared.PageRequest page) {
        store.team(team).orElseThrow(() -> new NotFound("team", team));
        return cases.queue(team, mine, page);
    }

    /** Open cases per team. */
    public Map<TeamId, Long> openByTeam() {
        return cases.openByTeam();
    }

    @Transactional
    public EscalationRule defineRule(@Nullable EscalationRuleId id, NewRule r) {
        EscalationRuleId ruleId = id == null ? EscalationRuleId.random() : id;
        String name = r.name() == null ? "" : r.name().strip();
        if (name.isEmpty()) {
            throw new InvalidInput("name", "must not be blank");
        }
        if (r.toTier() == null) {
            throw new InvalidInput("toTier", "is required: a rule must say where the case goes");
        }
        if (!tiers.level(r.toTier()).inUse()) {
            throw new InvalidInput("toTier", tiers.level(r.toTier()).name() + " is not in use");
        }
        if (r.toTier() == Tier.TIER_1) {
            throw new InvalidInput("toTier", "must be above tier 1: escalation moves cases up");
        }
        if (r.toTeamId() != null) {
            Team team = store.team(r.toTeamId()).orElseThrow(() -> new InvalidInput("toTeamId", "names no team"));
            if (team.tier() != r.toTier()) {
                throw new InvalidInput("toTeamId", team.name() + " works " + team.tier() + ", not " + r.toTier());
            }
        }
        switch (r.trigger()) {
            case NEED_UNKNOWN -> {
                if (r.needUnknownHours() == null || r.needUnknownHours() <= 0) {
                    throw new InvalidInput("needUnknownHours", "must be a positive number of hours for NEED_UNKNOWN");
                }
            }
            case PRIORITY -> {
                if (r.priority() == null) {
                    throw new InvalidInput("priority", "is required for a PRIORITY rule");
                }
            }
            case CUSTOMER_PLAN -> {
                if (r.plan() == null || r.plan().isBlank()) {
                    throw new InvalidInput("plan", "is required for a CUSTOMER_PLAN rule");
                }
            }
            default -> {
            }
        }
        if (store.ruleNameTaken(name, ruleId)) {
            throw new InvalidInput("name", "is already the name of another escalation rule");
        }
        EscalationRule rule = new EscalationRule(ruleId, name, r.trigger(), r.needUnknownHours(), r.priority(),
                r.plan() == null || r.plan().isBlank() ? null : r.plan().strip(), r.toTier(), r.toTeamId(),
                r.mandatory(), r.active(), r.rank());
        Map<String, Object> before = id == null ? Map.of() : store.rules().stream()
                .filter(existing -> existing.id().equals(id)).findFirst().map(EscalationManagement::facts)
                .orElse(Map.of());
        store.save(rule, clock.instant());
        journal.append("escalation-rule", ruleId.value(), id == null ? "EscalationRuleDefined" : "EscalationRuleChanged",
                Changes.withBefore(facts(rule), before));
        return rule;
    }

    private static Map<String, Object> facts(Team team) {
        Map<String, Object> facts = new java.util.LinkedHashMap<>();
        facts.put("name", team.name());
        facts.put("tier", team.tier());
        facts.put("assignment", team.assignment());
        facts.put("members", team.members().toString());
        return facts;
    }

    private static Map<String, Object> facts(EscalationRule rule) {
        return Map.of("name", rule.name(), "trigger", rule.trigger(), "toTier", rule.toTier(), "mandatory",
                rule.mandatory(), "active", rule.active(), "rank", rule.rank());
    }

    public List<EscalationRule> rules() {
        return store.rules();
    }

    /** The whole escalation record of a case, oldest first. */
    public List<Escalation> escalations(CaseId caseId) {
        return store.escalations(caseId);
    }

    /** The optional rules that apply to the case now. */
    public List<Suggested> suggestions(CaseId caseId) {
        SupportCase c = cases.find(caseId).orElseThrow(() -> new NotFound("case", caseId));
        if (!c.isOpen()) {
            return List.of();
        }
        boolean[] state = slaState(caseId);
        List<Suggested> found = new ArrayList<>();
        for (EscalationRule rule : store.rules()) {
            if (rule.active() && !rule.mandatory() && c.tier().ordinal() < rule.toTier().ordinal()) {
                String reason = trigger(rule, c, state[0], state[1], clock.instant(), new java.util.HashMap<>());
                if (reason != null) {
                    found.add(new Suggested(rule, reason));
                }
            }
        }
        return found;
    }

    /** A person escalates the case to a higher tier (and a team of it), saying why. */
    @Transactional
    public SupportCase escalate(CaseId caseId, @Nullable Tier toTier, @Nullable TeamId toTeamId, @Nullable String reason) {
        SupportCase c = cases.find(caseId).orElseThrow(() -> new NotFound("case", caseId));
        if (c.status() == CaseStatus.CLOSED) {
            throw new CaseAlreadyClosed(c.reference());
        }
        if (reason == null || reason.isBlank()) {
            throw new InvalidInput("reason", "is required: say why the case moves up");
        }
        Team team = toTeamId == null ? null
                : store.team(toTeamId).orElseThrow(() -> new InvalidInput("toTeamId", "names no team"));
        Tier tier = toTier != null ? toTier : team != null ? team.tier() : null;
        if (tier == null) {
            throw new InvalidInput("toTier", "is required: choose the tier or a team to escalate to");
        }
        if (team != null && team.tier() != tier) {
            throw new InvalidInput("toTeamId", team.name() + " works " + tiers.level(team.tier()).name() + ", not "
                    + tiers.level(tier).name());
        }
        if (tier.ordinal() <= c.tier().ordinal()) {
            throw new InvalidInput("toTier", "must be above the case's tier (" + tiers.level(c.tier()).name() + ")");
        }
        if (!tiers.level(tier).inUse()) {
            throw new InvalidInput("toTier", tiers.level(tier).name() + " is not in use");
        }
        return move(c, tier, team, reason.strip(), null, Journal.currentActor());
    }

    /**
     * Puts the case in the queue of a team of its own tier (moving it up a tier is an escalation); the
     * team's assignment picks the assignee, or the case keeps its assignee when the team assigns by hand.
     */
    @Transactional
    public SupportCase queue(CaseId caseId, @Nullable TeamId teamId) {
        SupportCase c = cases.find(caseId).orElseThrow(() -> new NotFound("case", caseId));
        if (c.status() == CaseStatus.CLOSED) {
            throw new CaseAlreadyClosed(c.reference());
        }
        if (teamId == null) {
            throw new InvalidInput("teamId", "is required: choose the team whose queue takes the case");
        }
        Team team = store.team(teamId).orElseThrow(() -> new InvalidInput("teamId", "names no team"));
        if (team.tier() != c.tier()) {
            throw new InvalidInput("teamId", team.name() + " works " + team.tier() + " and the case is at "
                    + c.tier() + "; to move it up a tier, escalate it");
        }
        String chosen = assign(team);
        String assignee = chosen != null ? chosen : c.assignee();
        cases.escalate(c.id(), c.tier(), team.id(), assignee, clock.instant());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("team", team.name());
        facts.put("assignee", assignee);
        journal.append("case", c.id().value(), "CaseQueued", facts);
        return cases.find(c.id()).orElseThrow();
    }

    /** Applies the mandatory rules to every open case; returns how many cases moved. */
    @Transactional
    public int evaluate() {
        List<EscalationRule> mandatory = store.rules().stream().filter(r -> r.active() && r.mandatory()).toList();
        if (mandatory.isEmpty() || !store.tryLockRules()) {
            // Nothing to apply, or another worker (maybe on another node) is applying the rules right now.
            return 0;
        }
        Instant now = clock.instant();
        Map<CustomerId, String> plans = new java.util.HashMap<>();
        int moved = 0;
        CaseId after = null;
        List<EscalationStore.OpenCase> page;
        // a thousand of the open cases the rules may move at a time, with their cases and applied rules in two queries
        while (!(page = store.openCases(mandatory, now, after, RULES_PAGE)).isEmpty()) {
            List<CaseId> ids = page.stream().map(EscalationStore.OpenCase::id).toList();
            Map<CaseId, SupportCase> found = cases.findAll(ids);
            Set<String> applied = store.appliedRules(ids);
            for (EscalationStore.OpenCase open : page) {
                SupportCase c = found.get(open.id());
                if (c == null) {
                    continue;
                }
                for (EscalationRule rule : mandatory) {
                    if (c.tier().ordinal() >= rule.toTier().ordinal() || applied.contains(c.id() + "|" + rule.id())) {
                        continue;
                    }
                    String reason = trigger(rule, c, open.slaAtRisk(), open.slaBreached(), now, plans);
                    if (reason != null) {
                        Team team = rule.toTeamId() == null ? null : store.team(rule.toTeamId()).orElse(null);
                        move(c, rule.toTier(), team, reason, rule, Journal.SYSTEM_ACTOR);
                        moved++;
                        break;
                    }
                }
            }
            after = page.getLast().id();
        }
        return moved;
    }

    private SupportCase move(SupportCase c, Tier tier, @Nullable Team team, String reason, @Nullable EscalationRule rule,
            String by) {
        Instant now = clock.instant();
        String assignee = team == null ? c.assignee() : assign(team);
        cases.escalate(c.id(), tier, team == null ? c.teamId() : team.id(), assignee, now);
        String fromTeam = c.teamId() == null ? null : store.team(c.teamId()).map(Team::name).orElse(null);
        Escalation escalation = new Escalation(c.tier(), tier, fromTeam, team == null ? fromTeam : team.name(), reason,
                rule == null ? null : rule.name(), by, assignee, now);
        store.record(c.id(), escalation, c.teamId(), team == null ? c.teamId() : team.id(),
                rule == null ? null : rule.id());
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("fromTier", c.tier());
        facts.put("toTier", tier);
        facts.put("toTeam", escalation.toTeam());
        facts.put("reason", reason);
        facts.put("rule", escalation.rule());
        facts.put("assignee", assignee);
        journal.append("case", c.id().value(), "CaseEscalated", facts);
        events.publishEvent(new CaseEscalated(c.id(), c.tier(), tier, reason));
        return cases.find(c.id()).orElseThrow();
    }

    /** The team's next assignee by its assignment; null when it assigns by hand or nobody is available. */
    private @Nullable String assign(Team team) {
        List<String> available = team.members().stream().filter(Team.Member::available).map(Team.Member::agent)
                .toList();
        if (team.assignment() == Team.Assignment.MANUAL || available.isEmpty()) {
            return null;
        }
        String last = store.lastAssigned(team.id());
        String chosen;
        if (team.assignment() == Team.Assignment.ROUND_ROBIN) {
            int next = (available.indexOf(last) + 1) % available.size();
            chosen = available.get(next);
        } else {
            Map<String, Integer> load = store.openLoad(available);
            chosen = available.stream().min(java.util.Comparator.comparingInt((String a) -> load.get(a))
                    .thenComparing(a -> a)).orElseThrow();
        }
        store.assigned(team.id(), chosen);
        return chosen;
    }

    /** Why the rule applies to the case now, or null when it does not. */
    private @Nullable String trigger(EscalationRule rule, SupportCase c, boolean atRisk, boolean breached, Instant now,
            Map<CustomerId, String> plans) {
        if (rule.plan() != null && !rule.plan().equalsIgnoreCase(plans.computeIfAbsent(c.customerId(),
                customer -> String.valueOf(sla.facts(customer).plan())))) {
            return null;
        }
        return switch (rule.trigger()) {
            case SLA_WARNING -> atRisk || breached ? "SLA about to breach (rule " + rule.name() + ")" : null;
            case SLA_BREACH -> breached ? "SLA breached (rule " + rule.name() + ")" : null;
            case NEED_UNKNOWN -> c.needId() == null && rule.needUnknownHours() != null
                    && !c.openedAt().plus(Duration.ofHours(rule.needUnknownHours())).isAfter(now)
                            ? "Need still unknown after " + rule.needUnknownHours() + " h (rule " + rule.name() + ")"
                            : null;
            case PRIORITY -> rule.priority() != null && c.priority().ordinal() >= rule.priority().ordinal()
                    ? "Priority " + c.priority() + " (rule " + rule.name() + ")" : null;
            case CUSTOMER_PLAN -> "Plan " + rule.plan() + " (rule " + rule.name() + ")";
        };
    }

    /** Whether any SLA clock of the case warns, and whether any is breached, right now. */
    private boolean[] slaState(CaseId caseId) {
        boolean atRisk = false;
        boolean breached = false;
        for (SlaManagement.PolicyClocks p : sla.slaOf(caseId).policies()) {
            for (var clockState : p.evaluation().clocks().values()) {
                atRisk |= clockState.status() == ClockStatus.WARNING;
                breached |= clockState.status() == ClockStatus.BREACHED;
            }
        }
        return new boolean[] { atRisk, breached };
    }
}

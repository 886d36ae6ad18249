package io.repdesk.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.EscalationRuleId;
import io.repdesk.shared.TeamId;

/** Teams and their members, escalation rules, and every escalation, in the {@code casework_} tables. */
@Repository
class EscalationStore {

    private final JdbcClient jdbc;

    EscalationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void save(Team team, Instant at) {
        jdbc.sql("""
                insert into casework_team (id, name, tier, assignment, updated_at) values (?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, tier = excluded.tier,
                    assignment = excluded.assignment, updated_at = excluded.updated_at
                """).params(team.id().value(), team.name(), team.tier().name(), team.assignment().name(), utc(at))
                .update();
        jdbc.sql("delete from casework_team_member where team_id = ?").param(team.id().value()).update();
        for (Team.Member m : team.members()) {
            jdbc.sql("insert into casework_team_member (team_id, agent, available) values (?, ?, ?)")
                    .params(team.id().value(), m.agent(), m.available()).update();
        }
    }

    List<Team> teams() {
        Map<UUID, List<Team.Member>> members = new LinkedHashMap<>();
        jdbc.sql("select team_id, agent, available from casework_team_member order by agent").query(rs -> {
            members.computeIfAbsent(rs.getObject("team_id", UUID.class), k -> new ArrayList<>())
                    .add(new Team.Member(rs.getString("agent"), rs.getBoolean("available")));
        });
        return jdbc.sql("select * from casework_team order by tier, name")
                .query((rs, row) -> new Team(new TeamId(rs.getObject("id", UUID.class)), rs.getString("name"),
                        Tier.valueOf(rs.getString("tier")), Team.Assignment.valueOf(rs.getString("assignment")),
                        List.copyOf(members.getOrDefault(rs.getObject("id", UUID.class), List.of()))))
                .list();
    }

    Optional<Team> team(TeamId id) {
        return teams().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    boolean teamNameTaken(String name, TeamId except) {
        return jdbc.sql("select exists (select 1 from casework_team where lower(name) = lower(?) and id <> ?)")
                .params(name, except.value()).query(Boolean.class).single();
    }

    /** Locks the team row: assignments to one team take turns, so round-robin stays fair across nodes. */
    @Nullable
    String lastAssigned(TeamId team) {
        return jdbc.sql("select last_assigned from casework_team where id = ? for update").param(team.value())
                .query(String.class).optional().orElse(null);
    }

    void assigned(TeamId team, String agent) {
        jdbc.sql("update casework_team set last_assigned = ? where id = ?").params(agent, team.value()).update();
    }

    /** Open cases per agent, for least-loaded assignment. */
    Map<String, Integer> openLoad(List<String> agents) {
        Map<String, Integer> load = new LinkedHashMap<>();
        agents.forEach(a -> load.put(a, 0));
        if (!agents.isEmpty()) {
            jdbc.sql("select assignee, count(*) as n from casework_case where is_open and assignee = any(?) group by assignee")
                    .param(agents.toArray(String[]::new))
                    .query(rs -> {
                        load.put(rs.getString("assignee"), rs.getInt("n"));
                    });
        }
        return load;
    }

    void save(EscalationRule rule, Instant at) {
        jdbc.sql("""
                insert into casework_escalation_rule (id, name, trigger, need_unknown_hours, priority, plan, to_tier,
                    to_team_id, mandatory, active, rank, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, trigger = excluded.trigger,
                    need_unknown_hours = excluded.need_unknown_hours, priority = excluded.priority,
                    plan = excluded.plan, to_tier = excluded.to_tier, to_team_id = excluded.to_team_id,
                    mandatory = excluded.mandatory, active = excluded.active, rank = excluded.rank,
                    updated_at = excluded.updated_at
                """).params(rule.id().value(), rule.name(), rule.trigger().name(), rule.needUnknownHours(),
                rule.priority() == null ? null : rule.priority().name(), rule.plan(), rule.toTier().name(),
                rule.toTeamId() == null ? null : rule.toTeamId().value(), rule.mandatory(), rule.active(), rule.rank(),
                utc(at)).update();
    }

    List<EscalationRule> rules() {
        return jdbc.sql("select * from casework_escalation_rule order by rank, name").query(EscalationStore::rule)
                .list();
    }

    boolean ruleNameTaken(String name, EscalationRuleId except) {
        return jdbc.sql(
                "select exists (select 1 from casework_escalation_rule where lower(name) = lower(?) and id <> ?)")
                .params(name, except.value()).query(Boolean.class).single();
    }

    void record(CaseId caseId, Escalation e, @Nullable TeamId fromTeam, @Nullable TeamId toTeam,
            @Nullable EscalationRuleId rule) {
        jdbc.sql("""
                insert into casework_escalation (id, case_id, from_tier, to_tier, from_team_id, to_team_id, reason,
                    rule_id, escalated_by, assignee, at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).params(UUID.randomUUID(), caseId.value(), e.fromTier().name(), e.toTier().name(),
                fromTeam == null ? null : fromTeam.value(), toTeam == null ? null : toTeam.value(), e.reason(),
                rule == null ? null : rule.value(), e.by(), e.assignee(), utc(e.at())).update();
    }

    List<Escalation> escalations(CaseId caseId) {
        return jdbc.sql("""
                select e.*, ft.name as from_team, tt.name as to_team, r.name as rule from casework_escalation e
                left join casework_team ft on ft.id = e.from_team_id left join casework_team tt on tt.id = e.to_team_id
                left join casework_escalation_rule r on r.id = e.rule_id
                where e.case_id = ? order by e.at
                """).param(caseId.value())
                .query((rs, row) -> new Escalation(Tier.valueOf(rs.getString("from_tier")),
                        Tier.valueOf(rs.getString("to_tier")), rs.getString("from_team"), rs.getString("to_team"),
                        rs.getString("reason"), rs.getString("rule"), rs.getString("escalated_by"),
                        rs.getString("assignee"), rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Takes the lock that lets one transaction at a time (on any node) apply the escalation rules;
     * false when another holds it. Released when the transaction ends.
     */
    boolean tryLockRules() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(hashtext('casework.escalation-rules'))")
                .query(Boolean.class).single());
    }

    /** Open cases with their computed SLA state, for evaluating rules. */
    record OpenCase(CaseId id, boolean slaAtRisk, boolean slaBreached) {
    }

    /**
     * The next {@code limit} open cases, in id order after {@code after}, that one of the rules may move now: below
     * the rule's tier, not moved by it before, and meeting its trigger as far as the case row and stored clocks
     * tell (at risk or breached, in triage since long enough, of a high enough priority; a plan is the caller's to
     * check). So a pass reads the cases the rules concern, not every open case.
     */
    List<OpenCase> openCases(List<EscalationRule> rules, Instant now, @Nullable CaseId after, int limit) {
        List<String> any = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(after == null ? new UUID(0, 0) : after.value());
        for (EscalationRule rule : rules) {
            String trigger = switch (rule.trigger()) {
                case SLA_WARNING -> "coalesce(s.at_risk or s.breached, false)";
                case SLA_BREACH -> "coalesce(s.breached, false)";
                case NEED_UNKNOWN -> {
                    if (rule.needUnknownHours() == null) {
                        yield "false";
                    }
                    params.add(utc(now.minus(java.time.Duration.ofHours(rule.needUnknownHours()))));
                    yield "c.need_id is null and c.opened_at <= ?";
                }
                case PRIORITY -> {
                    if (rule.priority() == null) {
                        yield "false";
                    }
                    params.add(java.util.Arrays.stream(Priority.values())
                            .filter(p -> p.ordinal() >= rule.priority().ordinal()).map(Enum::name).toArray(String[]::new));
                    yield "c.priority = any(?::text[])";
                }
                case CUSTOMER_PLAN -> "true";
            };
            params.add(java.util.Arrays.stream(Tier.values()).filter(t -> t.ordinal() < rule.toTier().ordinal())
                    .map(Enum::name).toArray(String[]::new));
            params.add(rule.id().value());
            any.add("(" + trigger + " and c.tier = any(?::text[]) and not exists (select 1 from casework_escalation e"
                    + " where e.case_id = c.id and e.rule_id = ?))");
        }
        if (any.isEmpty()) {
            return List.of();
        }
        params.add(limit);
        return jdbc.sql("""
                select c.id, coalesce(s.at_risk, false) as at_risk, coalesce(s.breached, false) as breached
                from casework_case c left join casework_case_sla s on s.case_id = c.id
                where c.is_open and c.tier <> 'ENGINEERING' and c.id > ? and (%s)
                order by c.id limit ?
                """.formatted(String.join(" or ", any))).params(params)
                .query((rs, row) -> new OpenCase(new CaseId(rs.getObject("id", UUID.class)),
                        rs.getBoolean("at_risk"), rs.getBoolean("breached"))).list();
    }

    /**
     * Which of these cases each rule has already moved (a rule escalates a case once), as "case|rule" keys, from
     * one query.
     */
    Set<String> appliedRules(List<CaseId> ids) {
        Set<String> applied = new java.util.HashSet<>();
        jdbc.sql("select distinct case_id, rule_id from casework_escalation where case_id = any(?) and rule_id is not null")
                .param(ids.stream().map(CaseId::value).toArray(UUID[]::new))
                .query(rs -> {
                    applied.add(rs.getObject("case_id", UUID.class) + "|" + rs.getObject("rule_id", UUID.class));
                });
        return applied;
    }

    private static EscalationRule rule(ResultSet rs, int row) throws SQLException {
        String priority = rs.getString("priority");
        UUID team = rs.getObject("to_team_id", UUID.class);
        return new EscalationRule(new EscalationRuleId(rs.getObject("id", UUID.class)), rs.getString("name"),
                EscalationRule.Trigger.valueOf(rs.getString("trigger")), (Integer) rs.getObject("need_unknown_hours"),
                priority == null ? null : Priority.valueOf(priority), rs.getString("plan"),
                Tier.valueOf(rs.getString("to_tier")), team == null ? null : new TeamId(team),
                rs.getBoolean("mandatory"), rs.getBoolean("active"), rs.getInt("rank"));
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

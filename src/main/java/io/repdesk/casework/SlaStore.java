package io.repdesk.casework;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CalendarId;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.shared.TeamId;
import io.repdesk.sla.BusinessCalendar;
import io.repdesk.sla.Breach;
import io.repdesk.sla.CaseState;
import io.repdesk.sla.OpeningHours;
import io.repdesk.sla.SlaPolicy;
import io.repdesk.sla.SlaTarget;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Calendars, SLA policies, each open case's computed clocks and every breach, in the {@code casework_} tables. */
@Repository
class SlaStore {

    private static final TypeReference<Map<String, List<String>>> HOURS = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    SlaStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void save(ServiceCalendar c, Instant at) {
        BusinessCalendar cal = c.calendar();
        Map<String, List<String>> weekly = new LinkedHashMap<>();
        cal.weeklyHours().forEach((day, hours) -> weekly.put(day.name(), hours.stream().map(Object::toString).toList()));
        Map<String, List<String>> special = new LinkedHashMap<>();
        cal.specialDays().forEach((date, hours) -> special.put(date.toString(),
                hours.stream().map(Object::toString).toList()));
        jdbc.sql("""
                insert into casework_calendar (id, name, zone, hours, holidays, updated_at)
                values (?, ?, ?, ?::jsonb, ?::jsonb, ?)
                on conflict (id) do update set name = excluded.name, zone = excluded.zone, hours = excluded.hours,
                    holidays = excluded.holidays, updated_at = excluded.updated_at
                """).params(c.id().value(), cal.name(), cal.zone().getId(), json.writeValueAsString(weekly),
                json.writeValueAsString(special), at.atOffset(ZoneOffset.UTC)).update();
    }

    List<ServiceCalendar> calendars() {
        return jdbc.sql("select * from casework_calendar order by name").query(this::calendarRow).list();
    }

    Optional<ServiceCalendar> calendar(CalendarId id) {
        return jdbc.sql("select * from casework_calendar where id = ?").param(id.value()).query(this::calendarRow)
                .optional();
    }

    boolean calendarNameTaken(String name, CalendarId except) {
        return jdbc.sql("select exists (select 1 from casework_calendar where lower(name) = lower(?) and id <> ?)")
                .params(name, except.value()).query(Boolean.class).single();
    }

    void save(ServicePolicy p, Instant at) {
        SlaPolicy policy = p.policy();
        SlaConditions when = p.conditions();
        jdbc.sql("""
                insert into casework_sla_policy (id, name, kind, rank, calendar_id, first_response_minutes,
                    next_response_minutes, resolution_minutes, pause_statuses, warning_minutes, organization_id, plan,
                    priority, channel, need_id, active, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set name = excluded.name, kind = excluded.kind, rank = excluded.rank,
                    calendar_id = excluded.calendar_id, first_response_minutes = excluded.first_response_minutes,
                    next_response_minutes = excluded.next_response_minutes,
                    resolution_minutes = excluded.resolution_minutes, pause_statuses = excluded.pause_statuses,
                    warning_minutes = excluded.warning_minutes, organization_id = excluded.organization_id,
                    plan = excluded.plan, priority = excluded.priority, channel = excluded.channel,
                    need_id = excluded.need_id, active = excluded.active, updated_at = excluded.updated_at
                """).params(p.id().value(), policy.name(), p.kind().name(), p.rank(), p.calendarId().value(),
                minutes(policy, SlaTarget.FIRST_RESPONSE), minutes(policy, SlaTarget.NEXT_RESPONSE),
                minutes(policy, SlaTarget.RESOLUTION),
                policy.pausedIn().stream().map(Enum::name).toArray(String[]::new), policy.warningLead().toMinutes(),
                when.organizationId() == null ? null : when.organizationId().value(), when.plan(),
                when.priority() == null ? null : when.priority().name(), when.channel(),
                when.needId() == null ? null : when.needId().value(), p.active(), at.atOffset(ZoneOffset.UTC))
                .update();
    }

    List<ServicePolicy> policies() {
        Map<UUID, ServiceCalendar> calendars = new LinkedHashMap<>();
        calendars().forEach(c -> calendars.put(c.id().value(), c));
        return jdbc.sql("select * from casework_sla_policy order by rank, name")
                .query((rs, row) -> policy(rs, calendars)).list();
    }

    boolean policyNameTaken(String name, SlaPolicyId except) {
        return jdbc.sql("select exists (select 1 from casework_sla_policy where lower(name) = lower(?) and id <> ?)")
                .params(name, except.value()).query(Boolean.class).single();
    }

    /**
     * One case's clocks as computed: the next due moment, whether it is at risk or breached, and when time alone
     * next changes them (the earliest warning or due moment of a clock that counts; null when none counts).
     */
    record Computed(CaseId id, @Nullable Instant nextDue, boolean atRisk, boolean breached, @Nullable Instant checkAt) {
    }

    /**
     * Stores a page of computed clocks in one statement, writing only the cases whose clocks differ from what is
     * stored (most open cases do not change between passes, and an unchanged row is neither rewritten nor locked);
     * {@code computed_at} is when the stored values were computed. Returns how many rows it wrote.
     */
    int saveComputed(List<Computed> computed, Instant at) {
        if (computed.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                insert into casework_case_sla (case_id, next_due_at, at_risk, breached, check_at, computed_at)
                select c, d, r, b, k, ?
                from unnest(?::uuid[], ?::timestamptz[], ?::boolean[], ?::boolean[], ?::timestamptz[]) as t(c, d, r, b, k)
                where not exists (select 1 from casework_case_sla s where s.case_id = t.c
                    and (s.next_due_at, s.at_risk, s.breached, s.check_at) is not distinct from (t.d, t.r, t.b, t.k))
                on conflict (case_id) do update set next_due_at = excluded.next_due_at, at_risk = excluded.at_risk,
                    breached = excluded.breached, check_at = excluded.check_at, computed_at = excluded.computed_at
                """).params(at.atOffset(ZoneOffset.UTC),
                computed.stream().map(c -> c.id().value()).toArray(UUID[]::new),
                computed.stream().map(c -> timestamp(c.nextDue())).toArray(java.sql.Timestamp[]::new),
                computed.stream().map(Computed::atRisk).toArray(Boolean[]::new),
                computed.stream().map(Computed::breached).toArray(Boolean[]::new),
                computed.stream().map(c -> timestamp(c.checkAt())).toArray(java.sql.Timestamp[]::new)).update();
    }

    /**
     * Adds the breaches already recorded for these cases to {@code keys} (as {@link #breachKey} strings) and the
     * targets they breached to {@code targets}, from one query.
     */
    void recordedBreaches(List<CaseId> ids, Set<String> keys, Set<BreachedTarget> targets) {
        jdbc.sql("select case_id, policy_id, target, breached_at from casework_sla_breach where case_id = any(?)")
                .param(ids.stream().map(CaseId::value).toArray(UUID[]::new))
                .query(rs -> {
                    CaseId caseId = new CaseId(rs.getObject("case_id", UUID.class));
                    SlaPolicyId policy = new SlaPolicyId(rs.getObject("policy_id", UUID.class));
                    SlaTarget target = SlaTarget.valueOf(rs.getString("target"));
                    keys.add(breachKey(caseId, policy, target,
                            rs.getObject("breached_at", java.time.OffsetDateTime.class).toInstant()));
                    targets.add(new BreachedTarget(caseId, policy, target));
                });
    }

    static String breachKey(CaseId id, SlaPolicyId policy, SlaTarget target, Instant at) {
        return id + "|" + policy + "|" + target + "|" + at.toEpochMilli();
    }

    /** Records a breach once; returns whether it was new. */
    boolean recordBreach(CaseId id, SlaPolicyId policy, Breach breach, Instant at) {
        return jdbc.sql("""
                insert into casework_sla_breach (case_id, policy_id, target, breached_at, recorded_at)
                values (?, ?, ?, ?, ?) on conflict do nothing
                """).params(id.value(), policy.value(), breach.target().name(),
                breach.breachedAt().atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC)).update() == 1;
    }

    List<SlaBreach> breaches(CaseId id) {
        return jdbc.sql("""
                select b.target, b.breached_at, p.name from casework_sla_breach b
                join casework_sla_policy p on p.id = b.policy_id where b.case_id = ? order by b.breached_at
                """).param(id.value()).query((rs, row) -> new SlaBreach(rs.getString("name"),
                SlaTarget.valueOf(rs.getString("target")),
                rs.getObject("breached_at", java.time.OffsetDateTime.class).toInstant())).list();
    }

    /** A policy's target recorded as breached on a case, at least once. */
    record BreachedTarget(CaseId caseId, SlaPolicyId policyId, SlaTarget target) {
    }

    /** The outcomes stored for these cases, by key. */
    Map<SlaOutcome.Key, SlaOutcome> outcomes(List<CaseId> ids) {
        Map<SlaOutcome.Key, SlaOutcome> found = new java.util.HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        jdbc.sql("select case_id, policy_id, target, opened_on, team_id, outcome from casework_sla_outcome"
                + " where case_id = any(?)")
                .param(ids.stream().map(CaseId::value).toArray(UUID[]::new))
                .query(rs -> {
                    UUID team = rs.getObject("team_id", UUID.class);
                    SlaOutcome o = new SlaOutcome(new CaseId(rs.getObject("case_id", UUID.class)),
                            new SlaPolicyId(rs.getObject("policy_id", UUID.class)),
                            SlaTarget.valueOf(rs.getString("target")), rs.getObject("opened_on", LocalDate.class),
                            team == null ? null : new TeamId(team), SlaOutcome.Kind.values()[rs.getInt("outcome")]);
                    found.put(o.key(), o);
                });
        return found;
    }

    /** Writes changed outcomes and removes those no longer owed, in two statements. */
    void saveOutcomes(List<SlaOutcome> changed, List<SlaOutcome.Key> gone) {
        if (!changed.isEmpty()) {
            jdbc.sql("""
                    insert into casework_sla_outcome (case_id, policy_id, target, opened_on, team_id, outcome)
                    select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::date[], ?::uuid[], ?::smallint[])
                    on conflict (case_id, policy_id, target) do update set opened_on = excluded.opened_on,
                        team_id = excluded.team_id, outcome = excluded.outcome
                    """).params(changed.stream().map(o -> o.caseId().value()).toArray(UUID[]::new),
                    changed.stream().map(o -> o.policyId().value()).toArray(UUID[]::new),
                    changed.stream().map(o -> o.target().name()).toArray(String[]::new),
                    changed.stream().map(o -> java.sql.Date.valueOf(o.openedOn())).toArray(java.sql.Date[]::new),
                    changed.stream().map(o -> o.teamId() == null ? null : o.teamId().value()).toArray(UUID[]::new),
                    changed.stream().map(o -> (short) o.kind().ordinal()).toArray(Short[]::new)).update();
        }
        if (!gone.isEmpty()) {
            jdbc.sql("""
                    delete from casework_sla_outcome o using unnest(?::uuid[], ?::uuid[], ?::text[]) as g(c, p, t)
                    where o.case_id = g.c and o.policy_id = g.p and o.target = g.t
                    """).params(gone.stream().map(k -> k.caseId().value()).toArray(UUID[]::new),
                    gone.stream().map(k -> k.policyId().value()).toArray(UUID[]::new),
                    gone.stream().map(k -> k.target().name()).toArray(String[]::new)).update();
        }
    }

    private static java.sql.@Nullable Timestamp timestamp(@Nullable Instant at) {
        return at == null ? null : java.sql.Timestamp.from(at);
    }

    /**
     * Takes up to {@code limit} cases off the list of those that changed since they were last evaluated (their
     * case row or activity; triggers keep the list, V1_66); the caller evaluates them in the same transaction, so
     * a case that changes again meanwhile is listed again once that commits.
     */
    List<CaseId> takeChangedCases(int limit) {
        return jdbc.sql("""
                delete from casework_sla_stale where case_id in
                    (select case_id from casework_sla_stale limit ? for update skip locked)
                returning case_id
                """).param(limit).query((rs, row) -> new CaseId(rs.getObject("case_id", UUID.class))).list();
    }

    /** A place in the list of cases whose clocks time changes: the check moment and the case. */
    record DueMark(Instant checkAt, CaseId id) {
    }

    /**
     * The next {@code limit} cases, after {@code after} in (check moment, case) order, whose clocks time alone has
     * changed by {@code now}: a warning or a due moment has come.
     */
    List<DueMark> casesDue(Instant now, @Nullable DueMark after, int limit) {
        var query = after == null
                ? jdbc.sql("""
                        select case_id, check_at from casework_case_sla where check_at <= ?
                        order by check_at, case_id limit ?
                        """).params(now.atOffset(ZoneOffset.UTC), limit)
                : jdbc.sql("""
                        select case_id, check_at from casework_case_sla where check_at <= ? and (check_at, case_id) > (?, ?)
                        order by check_at, case_id limit ?
                        """).params(now.atOffset(ZoneOffset.UTC), after.checkAt().atOffset(ZoneOffset.UTC),
                        after.id().value(), limit);
        return query.query((rs, row) -> new DueMark(rs.getObject("check_at", java.time.OffsetDateTime.class)
                .toInstant(), new CaseId(rs.getObject("case_id", UUID.class)))).list();
    }

    /** A digest of every policy and calendar row: it changes whenever one of them is defined, changed or removed. */
    String policyFingerprint() {
        return jdbc.sql("""
                select md5(coalesce((select string_agg(p::text, '|' order by p.id) from casework_sla_policy p), '')
                    || '#' || coalesce((select string_agg(c::text, '|' order by c.id) from casework_calendar c), ''))
                """).query(String.class).single();
    }

    /** The last pass over every open case: the policy fingerprint it used and when it ran. */
    record FullPass(String fingerprint, Instant at) {
    }

    Optional<FullPass> lastFullPass() {
        return jdbc.sql("select fingerprint, passed_at from casework_sla_full_pass")
                .query((rs, row) -> new FullPass(rs.getString("fingerprint"),
                        rs.getObject("passed_at", java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    void fullPassDone(String fingerprint, Instant at) {
        jdbc.sql("""
                insert into casework_sla_full_pass (id, fingerprint, passed_at) values (true, ?, ?)
                on conflict (id) do update set fingerprint = excluded.fingerprint, passed_at = excluded.passed_at
                """).params(fingerprint, at.atOffset(ZoneOffset.UTC)).update();
    }

    /** Folds the changed outcome counts into the tallies, in one statement; returns how many changes it folded. */
    int foldTallies() {
        int folded = jdbc.sql("""
                with folded as (delete from casework_sla_tally_delta
                    returning policy_id, opened_on, team_id, target, outcome, delta),
                sums as (select policy_id, opened_on, team_id, target, outcome, sum(delta) as d, count(*) as rows
                    from folded group by policy_id, opened_on, team_id, target, outcome),
                applied as (
                    insert into casework_sla_tally (policy_id, opened_on, team_id, target, outcome, cases)
                    select policy_id, opened_on, team_id, target, outcome, d from sums
                    on conflict (policy_id, opened_on, team_id, target, outcome)
                    do update set cases = casework_sla_tally.cases + excluded.cases)
                select coalesce(sum(rows), 0) from sums
                """).query(Integer.class).single();
        jdbc.sql("delete from casework_sla_tally where cases = 0").update();
        return folded;
    }

    /** How many targets of cases opened on one day ended one way, for one policy and team. */
    record Tally(SlaPolicyId policyId, LocalDate openedOn, @Nullable TeamId teamId, SlaTarget target,
            SlaOutcome.Kind kind, long cases) {
    }

    /** The counts of the cases opened from {@code from} to {@code to} (both included): folded plus unfolded. */
    List<Tally> tallies(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select policy_id, opened_on, team_id, target, outcome, sum(n) as cases from (
                    select policy_id, opened_on, team_id, target, outcome, cases as n from casework_sla_tally
                    where opened_on between ? and ?
                    union all
                    select policy_id, opened_on, team_id, target, outcome, delta from casework_sla_tally_delta
                    where opened_on between ? and ?) t
                group by policy_id, opened_on, team_id, target, outcome having sum(n) <> 0
                """).params(from, to, from, to).query((rs, row) -> {
                    UUID team = rs.getObject("team_id", UUID.class);
                    return new Tally(new SlaPolicyId(rs.getObject("policy_id", UUID.class)),
                            rs.getObject("opened_on", LocalDate.class), team == null ? null : new TeamId(team),
                            SlaTarget.valueOf(rs.getString("target")), SlaOutcome.Kind.values()[rs.getInt("outcome")],
                            rs.getLong("cases"));
                }).list();
    }

    List<CaseId> openCases(@Nullable CaseId after, int limit) {
        var query = after == null
                ? jdbc.sql("select id from casework_case where is_open order by id limit ?").param(limit)
                : jdbc.sql("select id from casework_case where is_open and id > ? order by id limit ?")
                        .params(after.value(), limit);
        return query.query((rs, row) -> new CaseId(rs.getObject("id", UUID.class))).list();
    }

    private ServiceCalendar calendarRow(ResultSet rs, int row) throws SQLException {
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        json.readValue(rs.getString("hours"), HOURS).forEach((day, hours) -> weekly.put(DayOfWeek.valueOf(day),
                hours.stream().map(OpeningHours::parse).toList()));
        Map<LocalDate, List<OpeningHours>> special = new TreeMap<>();
        json.readValue(rs.getString("holidays"), HOURS).forEach((date, hours) -> special.put(LocalDate.parse(date),
                hours.stream().map(OpeningHours::parse).toList()));
        return new ServiceCalendar(new CalendarId(rs.getObject("id", UUID.class)),
                new BusinessCalendar(rs.getString("name"), BusinessCalendar.zone(rs.getString("zone")), weekly, special));
    }

    private static ServicePolicy policy(ResultSet rs, Map<UUID, ServiceCalendar> calendars) throws SQLException {
        UUID calendarId = rs.getObject("calendar_id", UUID.class);
        Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
        put(targets, SlaTarget.FIRST_RESPONSE, rs, "first_response_minutes");
        put(targets, SlaTarget.NEXT_RESPONSE, rs, "next_response_minutes");
        put(targets, SlaTarget.RESOLUTION, rs, "resolution_minutes");
        Set<CaseState> paused = EnumSet.noneOf(CaseState.class);
        Array array = rs.getArray("pause_statuses");
        for (String s : (String[]) array.getArray()) {
            paused.add(CaseState.valueOf(s));
        }
        SlaPolicy policy = new SlaPolicy(rs.getString("name"), calendars.get(calendarId).calendar(), targets, paused,
                Duration.ofMinutes(rs.getInt("warning_minutes")));
        UUID organization = rs.getObject("organization_id", UUID.class);
        UUID need = rs.getObject("need_id", UUID.class);
        String priority = rs.getString("priority");
        SlaConditions conditions = new SlaConditions(organization == null ? null : new OrganizationId(organization),
                rs.getString("plan"), priority == null ? null : Priority.valueOf(priority), rs.getString("channel"),
                need == null ? null : new NeedId(need));
        return new ServicePolicy(new SlaPolicyId(rs.getObject("id", UUID.class)),
                ServicePolicy.Kind.valueOf(rs.getString("kind")), rs.getInt("rank"), new CalendarId(calendarId), policy,
                conditions, rs.getBoolean("active"));
    }

    private static void put(Map<SlaTarget, Duration> targets, SlaTarget target, ResultSet rs, String column)
            throws SQLException {
        int minutes = rs.getInt(column);
        if (!rs.wasNull()) {
            targets.put(target, Duration.ofMinutes(minutes));
        }
    }

    private static @Nullable Long minutes(SlaPolicy policy, SlaTarget target) {
        Duration d = policy.targets().get(target);
        return d == null ? null : d.toMinutes();
    }
}

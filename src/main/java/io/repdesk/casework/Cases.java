package io.repdesk.casework;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Paging;
import io.repdesk.shared.TeamId;
import io.repdesk.shared.Where;

/** Stores cases in {@code casework_case}. */
@Repository
class Cases {

    private final JdbcClient jdbc;

    Cases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextReference() {
        return "RD-" + jdbc.sql("select nextval('casework_case_reference')").query(Long.class).single();
    }

    void insert(SupportCase c) {
        jdbc.sql("""
                insert into casework_case (id, reference, customer_id, subject, status, priority, tier, assignee,
                    need_id, need_linked_by, need_confirmed, need_confidence, contact_count, opened_at,
                    last_contact_at, updated_at, status_changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(c.id().value(), c.reference(), c.customerId().value(), c.subject(), c.status().name(),
                        c.priority().name(), c.tier().name(), c.assignee(),
                        c.needId() == null ? null : c.needId().value(), c.needLinkedBy(), c.needConfirmed(),
                        c.needConfidence(), c.contactCount(),
                        utc(c.openedAt()), utc(c.lastContactAt()), utc(c.updatedAt()), utc(c.statusChangedAt()))
                .update();
    }

    void linkNeed(CaseId id, NeedId need, String linkedBy, boolean confirmed, Float confidence, Instant at) {
        jdbc.sql("""
                update casework_case set need_id = ?, need_linked_by = ?, need_confirmed = ?, need_confidence = ?,
                    updated_at = ? where id = ?
                """).params(need.value(), linkedBy, confirmed, confidence, utc(at), id.value()).update();
    }

    List<SupportCase> withNeed(NeedId need) {
        return jdbc.sql("select * from casework_case where need_id = ?").param(need.value())
                .query(Cases::supportCase).list();
    }

    void confirmNeed(CaseId id, String confirmedBy, Instant at) {
        jdbc.sql("update casework_case set need_confirmed = true, need_linked_by = ?, updated_at = ? where id = ?")
                .params(confirmedBy, utc(at), id.value()).update();
    }

    long countOpenAt(Tier tier) {
        return jdbc.sql("select count(*) from casework_case where tier = ? and status not in ('RESOLVED', 'CLOSED')")
                .param(tier.name()).query(Long.class).single();
    }

    void updateStatus(CaseId id, CaseStatus status, Instant at) {
        jdbc.sql("update casework_case set status = ?, status_changed_at = ?, updated_at = ? where id = ?")
                .params(status.name(), utc(at), utc(at), id.value()).update();
    }

    void escalate(CaseId id, Tier tier, @org.jspecify.annotations.Nullable TeamId team,
            @org.jspecify.annotations.Nullable String assignee, Instant at) {
        jdbc.sql("""
                update casework_case set tier = ?, team_id = ?, assignee = ?, updated_at = ?
                where id = ?
                """).params(tier.name(), team == null ? null : team.value(), assignee, utc(at), id.value()).update();
    }

    void addNote(CaseId id, CaseNote note) {
        jdbc.sql("insert into casework_case_note (id, case_id, kind, body, author, written_at) values (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id.value(), note.kind().name(), note.body(), note.author(),
                        utc(note.writtenAt())).update();
    }

    List<CaseNote> notes(CaseId id) {
        return jdbc.sql("select kind, body, author, written_at from casework_case_note where case_id = ? order by written_at")
                .param(id.value())
                .query((rs, row) -> new CaseNote(CaseNote.Kind.valueOf(rs.getString("kind")), rs.getString("body"),
                        rs.getString("author"), rs.getObject("written_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    void merge(CaseId duplicate, CaseId into, Instant at) {
        jdbc.sql("""
                update casework_case set merged_into = ?, status = 'CLOSED', status_changed_at = ?, updated_at = ?
                where id = ?
                """).params(into.value(), utc(at), utc(at), duplicate.value()).update();
    }

    /** The cases merged into this one, directly or through another merged case. */
    List<CaseId> mergedInto(CaseId id) {
        return jdbc.sql("""
                with recursive merged(id) as (
                    select id from casework_case where merged_into = ?
                    union select c.id from casework_case c join merged m on c.merged_into = m.id)
                select id from merged
                """).param(id.value()).query((rs, row) -> new CaseId(rs.getObject("id", UUID.class))).list();
    }

    void updatePriority(CaseId id, Priority priority, Instant at) {
        jdbc.sql("update casework_case set priority = ?, updated_at = ? where id = ?")
                .params(priority.name(), utc(at), id.value()).update();
    }

    void assign(CaseId id, String assignee, Instant at) {
        jdbc.sql("update casework_case set assignee = ?, updated_at = ? where id = ?")
                .params(assignee, utc(at), id.value()).update();
    }

    void countContact(CaseId id, Instant at, String channel) {
        jdbc.sql("""
                update casework_case set contact_count = contact_count + 1, channel = coalesce(channel, ?),
                    last_contact_at = greatest(last_contact_at, ?), updated_at = greatest(updated_at, ?)
                where id = ?
                """).params(channel, utc(at), utc(at), id.value()).update();
    }

    /**
     * A team's open cases, most urgent first: breached, then at risk, then by the next SLA due moment,
     * then the longest waiting; {@code mine} keeps those assigned to that agent.
     */
    Page<QueueEntry> queue(TeamId team, @org.jspecify.annotations.Nullable String mine, PageRequest page) {
        String where = "c.is_open and c.team_id = ?" + (mine == null ? "" : " and c.assignee = ?");
        List<Object> params = new java.util.ArrayList<>(List.of(team.value()));
        if (mine != null) {
            params.add(mine);
        }
        long total = jdbc.sql("select count(*) from casework_case c where " + where).params(params)
                .query(Long.class).single();
        List<Object> pageParams = new java.util.ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add((long) page.page() * page.size());
        List<QueueEntry> items = jdbc.sql("select c.*, s.next_due_at, coalesce(s.at_risk, false) as at_risk, "
                + "coalesce(s.breached, false) as breached from casework_case c "
                + "left join casework_case_sla s on s.case_id = c.id where " + where
                + " order by coalesce(s.breached, false) desc, coalesce(s.at_risk, false) desc, "
                + "s.next_due_at nulls last, c.last_contact_at limit ? offset ?")
                .params(pageParams)
                .query((rs, row) -> new QueueEntry(supportCase(rs, row),
                        rs.getObject("next_due_at", OffsetDateTime.class) == null ? null
                                : rs.getObject("next_due_at", OffsetDateTime.class).toInstant(),
                        rs.getBoolean("at_risk"), rs.getBoolean("breached")))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Open cases per team. */
    java.util.Map<TeamId, Long> openByTeam() {
        java.util.Map<TeamId, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select team_id, count(*) as n from casework_case where is_open and team_id is not null group by team_id")
                .query(rs -> {
                    counts.put(new TeamId(rs.getObject("team_id", UUID.class)), rs.getLong("n"));
                });
        return counts;
    }

    /** The cases with these ids, in one query. */
    java.util.Map<CaseId, SupportCase> findAll(List<CaseId> ids) {
        java.util.Map<CaseId, SupportCase> found = new java.util.HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from casework_case where id = any(?)")
                    .param(ids.stream().map(CaseId::value).toArray(UUID[]::new)).query(Cases::supportCase).list()
                    .forEach(c -> found.put(c.id(), c));
        }
        return found;
    }

    Optional<SupportCase> find(CaseId id) {
        return jdbc.sql("select * from casework_case where id = ?").param(id.value()).query(Cases::supportCase)
                .optional();
    }

    Optional<SupportCase> findByReference(String reference) {
        return jdbc.sql("select * from casework_case where reference = ?").param(reference)
                .query(Cases::supportCase).optional();
    }

    /** The cases opened from {@code from} (included) to {@code to} (excluded), oldest first. */
    List<SupportCase> openedBetween(Instant from, Instant to) {
        return jdbc.sql("select * from casework_case where opened_at >= ? and opened_at < ? order by opened_at, id")
                .params(utc(from), utc(to)).query(Cases::supportCase).list();
    }

    /** The key under which the open-case counts keep the cases in triage (no need yet). */
    private static final UUID TRIAGE = new UUID(0, 0);

    /** Open cases per need, busiest first: the folded totals plus the changes not folded yet (V1_63). */
    List<NeedLoad> openLoadByNeed() {
        return jdbc.sql("""
                select need_id, sum(n) as open_cases from (
                    select need_id, open_cases as n from casework_need_open_total where need_id <> ?
                    union all
                    select need_id, delta from casework_need_open_delta where need_id <> ?) as counts
                group by need_id having sum(n) > 0 order by open_cases desc, need_id
                """).params(TRIAGE, TRIAGE)
                .query((rs, row) -> new NeedLoad(new NeedId(rs.getObject("need_id", UUID.class)),
                        rs.getLong("open_cases")))
                .list();
    }

    /** Open cases without a need, from the kept counts (exact in any snapshot, like {@link #openLoadByNeed}). */
    long openInTriage() {
        return jdbc.sql("""
                select coalesce(sum(n), 0) from (
                    select open_cases as n from casework_need_open_total where need_id = ?
                    union all
                    select delta from casework_need_open_delta where need_id = ?) as counts
                """).params(TRIAGE, TRIAGE).query(Long.class).single();
    }

    /** The first cases of the filter, latest contact first, without counting them all. */
    List<SupportCase> latest(CaseFilter filter, int limit) {
        Where where = where(filter);
        List<Object> params = new java.util.ArrayList<>(where.params());
        params.add(limit);
        return jdbc.sql("select * from casework_case" + where.sql() + " order by last_contact_at desc, id limit ?")
                .params(params).query(Cases::supportCase).list();
    }

    /**
     * Folds the open-case changes recorded so far into the per-need totals, in one transaction (readers see the
     * changes or the totals that hold them, never both), and drops needs left with none. Returns the rows folded.
     */
    int foldOpenLoad() {
        int folded = jdbc.sql("""
                with folded as (delete from casework_need_open_delta returning need_id, delta),
                sums as (select need_id, sum(delta) as d, count(*) as rows from folded group by need_id),
                applied as (
                    insert into casework_need_open_total (need_id, open_cases) select need_id, d from sums
                    on conflict (need_id) do update set open_cases = casework_need_open_total.open_cases
                        + excluded.open_cases)
                select coalesce(sum(rows), 0) from sums
                """).query(Integer.class).single();
        jdbc.sql("delete from casework_need_open_total where open_cases = 0").update();
        return folded;
    }

    List<NeedLoad> openedSinceByNeed(Instant since) {
        return jdbc.sql("""
                select need_id, count(*) as opened from casework_case
                where opened_at >= ? and need_id is not null and merged_into is null
                group by need_id order by opened desc, need_id
                """)
                .param(since.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new NeedLoad(new NeedId(rs.getObject("need_id", UUID.class)), rs.getLong("opened")))
                .list();
    }

    List<CaseId> idsWithNeeds(java.util.Collection<NeedId> needs) {
        return jdbc.sql("select id from casework_case where need_id = any(?)")
                .param(needs.stream().map(NeedId::value).toArray(UUID[]::new))
                .query((rs, row) -> new CaseId(rs.getObject(1, UUID.class))).list();
    }

    List<WeeklyCount> openedPerWeek(NeedId need, Instant since) {
        return jdbc.sql("""
                select cast(date_trunc('week', opened_at at time zone 'UTC') as date) as week, count(*) as opened
                from casework_case where need_id = ? and opened_at >= ? and merged_into is null
                group by 1 order by 1
                """)
                .params(need.value(), since.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new WeeklyCount(rs.getObject("week", java.time.LocalDate.class), rs.getLong("opened")))
                .list();
    }

    Page<SupportCase> page(CaseFilter filter, PageRequest page) {
        return Paging.page(jdbc, "casework_case", where(filter), "last_contact_at desc, id", page, Cases::supportCase);
    }

    private static Where where(CaseFilter filter) {
        Where where = new Where().equal("status", filter.status()).equal("is_open", filter.open())
                .equal("need_id", filter.needId()).equal("customer_id", filter.customerId())
                .equal("priority", filter.priority());
        if (filter.triage() != null) {
            where.clause(filter.triage() ? "need_id is null" : "need_id is not null");
        }
        return where;
    }

    /** The cases of these customers: open ones first, then by last update, newest first. */
    Page<SupportCase> pageForCustomers(List<CustomerId> customers, PageRequest page) {
        Where where = new Where().clause("customer_id = any(?)",
                (Object) customers.stream().map(CustomerId::value).toArray(UUID[]::new));
        return Paging.page(jdbc, "casework_case", where, "is_open desc, updated_at desc, id", page,
                Cases::supportCase);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static SupportCase supportCase(ResultSet rs, int row) throws SQLException {
        UUID need = rs.getObject("need_id", UUID.class);
        UUID team = rs.getObject("team_id", UUID.class);
        UUID merged = rs.getObject("merged_into", UUID.class);
        return new SupportCase(new CaseId(rs.getObject("id", UUID.class)), rs.getString("reference"),
                new CustomerId(rs.getObject("customer_id", UUID.class)), rs.getString("subject"),
                CaseStatus.valueOf(rs.getString("status")), Priority.valueOf(rs.getString("priority")),
                Tier.valueOf(rs.getString("tier")), rs.getString("assignee"), need == null ? null : new NeedId(need),
                rs.getString("need_linked_by"), rs.getBoolean("need_confirmed"),
                (Float) rs.getObject("need_confidence", Float.class), rs.getInt("contact_count"),
                rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                rs.getObject("last_contact_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant(),
                rs.getObject("status_changed_at", OffsetDateTime.class).toInstant(), rs.getString("channel"),
                team == null ? null : new TeamId(team), merged == null ? null : new CaseId(merged));
    }
}

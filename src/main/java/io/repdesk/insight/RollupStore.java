package io.repdesk.insight;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rollup projection's tables: its position in the journal, the state it keeps, and the daily rollups. */
@Repository
class RollupStore {

    /** A need's state as the projector tracks it. */
    record NeedState(UUID id, String stage, String demandClass) {
    }

    /** A case's state as the projector tracks it; written back once per batch. */
    record CaseState(UUID id, String reference, UUID customerId, UUID needId, int inbound, int replies, String team,
            String status, Instant openedAt, @Nullable Instant resolvedAt, String assignee, int reopens, int breaches) {

        static CaseState opened(UUID id, String reference, UUID customerId, UUID needId, Instant openedAt) {
            return new CaseState(id, reference, customerId, needId, 0, 0, "", "NEW", openedAt, null, "", 0, 0);
        }

        CaseState withNeed(UUID need) {
            return new CaseState(id, reference, customerId, need, inbound, replies, team, status, openedAt, resolvedAt,
                    assignee, reopens, breaches);
        }

        /** Counts a contact; the first one may have happened before the case was journaled. */
        CaseState withContact(boolean in, Instant at) {
            Instant opened = inbound + replies == 0 && at.isBefore(openedAt) ? at : openedAt;
            return new CaseState(id, reference, customerId, needId, inbound + (in ? 1 : 0), replies + (in ? 0 : 1), team,
                    status, opened, resolvedAt, assignee, reopens, breaches);
        }

        CaseState withTeam(String name) {
            return new CaseState(id, reference, customerId, needId, inbound, replies, name, status, openedAt, resolvedAt,
                    assignee, reopens, breaches);
        }

        CaseState withAssignee(String name) {
            return new CaseState(id, reference, customerId, needId, inbound, replies, team, status, openedAt, resolvedAt,
                    name, reopens, breaches);
        }

        CaseState breached() {
            return new CaseState(id, reference, customerId, needId, inbound, replies, team, status, openedAt, resolvedAt,
                    assignee, reopens, breaches + 1);
        }

        /** A case resolved or closed counts as resolved from then; moving it back out counts as a reopen. */
        CaseState withStatus(String from, String to, Instant at) {
            boolean wasDone = from.equals("RESOLVED") || from.equals("CLOSED");
            boolean done = to.equals("RESOLVED") || to.equals("CLOSED");
            return new CaseState(id, reference, customerId, needId, inbound, replies, team, to, openedAt,
                    done ? (resolvedAt == null ? at : resolvedAt) : null, assignee, reopens + (wasDone && !done ? 1 : 0),
                    breaches);
        }
    }

    /** The customer dimensions work is counted under. */
    record CustomerState(UUID organizationId, String plan, String product, String version) {

        static final CustomerState UNKNOWN = new CustomerState(Work.NONE, "", "", "");
    }

    private static final String[] TABLES = { "insight_need", "insight_stage_span", "insight_stage_move",
        "insight_customer", "insight_case", "insight_work", "insight_daily", "insight_daily_organization",
        "insight_daily_product", "insight_daily_team", "insight_daily_class", "insight_daily_class_need",
        "insight_daily_class_team", "insight_daily_outcome", "insight_period_need", "insight_period_organization",
        "insight_article_need", "insight_organization", "insight_seats", "insight_goodwill", "insight_feedback",
        "insight_satisfaction" };

    /** The class that work on no need, or on a need not defined yet, counts under. */
    static final String NO_CLASS = "";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    RollupStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The last applied sequence, locked until the transaction ends so that one node applies a batch at a time. */
    long lockPosition() {
        return jdbc.sql("select sequence from insight_position where projection = 'rollup' for update")
                .query(Long.class).single();
    }

    long position() {
        return jdbc.sql("select sequence from insight_position where projection = 'rollup'").query(Long.class).single();
    }

    void savePosition(long sequence) {
        jdbc.sql("update insight_position set sequence = ? where projection = 'rollup'").param(sequence).update();
    }

    /** Empties every read model and sets the position back to the journal's start, holding the position first. */
    void clear() {
        lockPosition();
        jdbc.sql("truncate " + String.join(", ", TABLES)).update();
        savePosition(0);
    }

    void vacuum() {
        jdbc.sql("vacuum (analyze) " + String.join(", ", TABLES)).update();
    }

    Map<UUID, NeedState> needs() {
        Map<UUID, NeedState> needs = new HashMap<>();
        jdbc.sql("select need_id, stage, demand_class from insight_need").query((rs, row) -> new NeedState(
                rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list().forEach(n -> needs.put(n.id(), n));
        return needs;
    }

    Map<UUID, CaseState> cases(Collection<UUID> ids) {
        Map<UUID, CaseState> cases = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select " + CASE_COLUMNS + " from insight_case where case_id = any(?)")
                    .param(ids.toArray(UUID[]::new)).query(RollupStore::caseState).list()
                    .forEach(c -> cases.put(c.id(), c));
        }
        return cases;
    }

    /** Which of the cases were merged into another. */
    Set<UUID> merged(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return new HashSet<>();
        }
        return new HashSet<>(jdbc.sql("select case_id from insight_case where case_id = any(?) and merged_into is not null")
                .param(ids.toArray(UUID[]::new)).query(UUID.class).list());
    }

    /** The cases about the need that were not merged into another, as last saved. */
    List<CaseState> casesOf(UUID need) {
        return jdbc.sql("select " + CASE_COLUMNS + " from insight_case where need_id = ? and merged_into is null")
                .param(need).query(RollupStore::caseState).list();
    }

    private static final String CASE_COLUMNS = """
            case_id, reference, customer_id, need_id, inbound, replies, team, status, opened_at, resolved_at, assignee,
            reopens, breaches""";

    private static CaseState caseState(ResultSet rs, int row) throws SQLException {
        return new CaseState(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class), rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8),
                rs.getObject(9, OffsetDateTime.class).toInstant(), instant(rs.getObject(10, OffsetDateTime.class)),
                rs.getString(11), rs.getInt(12), rs.getInt(13));
    }

    Map<UUID, CustomerState> customers(Collection<UUID> ids) {
        Map<UUID, CustomerState> customers = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    select customer_id, organization_id, plan, product, version from insight_customer
                    where customer_id = any(?)
                    """).param(ids.toArray(UUID[]::new))
                    .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), new CustomerState(
                            rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5))))
                    .list().forEach(e -> customers.put(e.getKey(), e.getValue()));
        }
        return customers;
    }

    /** Writes the customers a batch changed and counts the seats again of the organizations they left or joined. */
    void saveCustomers(Map<UUID, CustomerState> customers) {
        if (customers.isEmpty()) {
            return;
        }
        Set<UUID> organizations = new HashSet<>(jdbc.sql("""
                select distinct organization_id from insight_customer where customer_id = any(?)
                """).param(customers.keySet().toArray(UUID[]::new)).query(UUID.class).list());
        Columns rows = new Columns(customers.size());
        customers.forEach((id, c) -> {
            rows.add(id, c.organizationId(), c.plan(), c.product(), c.version());
            organizations.add(c.organizationId());
        });
        jdbc.sql("""
                insert into insight_customer (customer_id, organization_id, plan, product, version)
                select * from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                on conflict (customer_id) do update set organization_id = excluded.organization_id,
                    plan = excluded.plan, product = excluded.product, version = excluded.version
                """).params(rows.arrays()).update();
        jdbc.sql("""
                insert into insight_seats (organization_id, seats)
                select o.id, (select count(*) from insight_customer c where c.organization_id = o.id)
                from unnest(?::uuid[]) o (id)
                on conflict (organization_id) do update set seats = excluded.seats
                """).param(organizations.toArray(UUID[]::new)).update();
    }

    void insertNeed(UUID id, String title, String demandClass, Instant createdAt, long sequence) {
        jdbc.sql("""
                insert into insight_need (need_id, title, stage, demand_class, created_at, stage_since)
                values (?, ?, 'RESPOND', ?, ?, ?) on conflict (need_id) do nothing
                """).params(id, title, demandClass, utc(createdAt), utc(createdAt)).update();
        jdbc.sql("insert into insight_stage_span (need_id, stage, entered_at, sequence) values (?, 'RESPOND', ?, ?)")
                .params(id, utc(createdAt), sequence).update();
    }

    void classifyNeed(UUID id, String demandClass) {
        jdbc.sql("update insight_need set demand_class = ? where need_id = ?").params(demandClass, id).update();
    }

    /** Whether anything has been counted for the need. */
    boolean counted(UUID need) {
        return jdbc.sql("select exists (select 1 from insight_daily_class_need where need_id = ?)").param(need)
                .query(Boolean.class).single();
    }

    /**
     * Moves everything counted for the need from one demand class to another: the per-class rollups lose the need's
     * share under the old class and gain it under the new one, as the per-need rollups tell it.
     */
    void reclassify(UUID need, String from, String to) {
        for (String demandClass : List.of(from, to)) {
            int sign = demandClass.equals(from) ? -1 : 1;
            jdbc.sql("""
                    insert into insight_daily_class (day, demand_class, stage, channel, contacts, inbound, repeats, minutes)
                    select day, ?, stage, channel, ? * sum(contacts), ? * sum(inbound), ? * sum(repeats), ? * sum(minutes)
                    from insight_daily where need_id = ? group by day, stage, channel
                    on conflict (day, demand_class, stage, channel) do update set
                        contacts = insight_daily_class.contacts + excluded.contacts,
                        inbound = insight_daily_class.inbound + excluded.inbound,
                        repeats = insight_daily_class.repeats + excluded.repeats,
                        minutes = insight_daily_class.minutes + excluded.minutes
                    """).params(demandClass, sign, sign, sign, sign, need).update();
            jdbc.sql("""
                    insert into insight_daily_class_team (day, demand_class, team, contacts, inbound, repeats, minutes)
                    select day, ?, team, ? * sum(contacts), ? * sum(inbound), ? * sum(repeats), ? * sum(minutes)
                    from insight_daily_team where need_id = ? group by day, team
                    on conflict (day, demand_class, team) do update set
                        contacts = insight_daily_class_team.contacts + excluded.contacts,
                        inbound = insight_daily_class_team.inbound + excluded.inbound,
                        repeats = insight_daily_class_team.repeats + excluded.repeats,
                        minutes = insight_daily_class_team.minutes + excluded.minutes
                    """).params(demandClass, sign, sign, sign, sign, need).update();
        }
        jdbc.sql("update insight_daily_class_need set demand_class = ? where need_id = ?").params(to, need).update();
        jdbc.sql("update insight_period_need set demand_class = ? where need_id = ?").params(to, need).update();
        for (String demandClass : List.of(from, to)) {
            int sign = demandClass.equals(from) ? -1 : 1;
            // The need's work is the work of the cases about it (a case linked elsewhere took its work along).
            jdbc.sql("""
                    insert into insight_period_organization (grain, period, demand_class, organization_id, contacts,
                        inbound, repeats, minutes)
                    select g.grain, case g.grain when 'D' then w.day
                            when 'W' then greatest(date_trunc('week', w.day), date_trunc('month', w.day))::date
                            else date_trunc('month', w.day)::date end,
                        ?, w.organization_id, ? * sum(w.contacts), ? * sum(w.inbound), ? * sum(w.repeats),
                        ? * sum(w.minutes)
                    from insight_work w join insight_case c on c.case_id = w.case_id
                    cross join (values ('D'), ('W'), ('M')) g (grain)
                    where c.need_id = ? group by 1, 2, 4
                    on conflict (grain, period, demand_class, organization_id) do update set
                        contacts = insight_period_organization.contacts + excluded.contacts,
                        inbound = insight_period_organization.inbound + excluded.inbound,
                        repeats = insight_period_organization.repeats + excluded.repeats,
                        minutes = insight_period_organization.minutes + excluded.minutes
                    """).params(demandClass, sign, sign, sign, sign, need).update();
        }
    }

    /** Ends the need's current stage span, starts the next, and counts the move. */
    void moveNeed(UUID id, String from, String to, Instant at, long sequence) {
        jdbc.sql("update insight_need set stage = ?, stage_since = ? where need_id = ?").params(to, utc(at), id).update();
        jdbc.sql("update insight_stage_span set left_at = greatest(entered_at, ?) where need_id = ? and left_at is null")
                .params(utc(at), id).update();
        jdbc.sql("insert into insight_stage_span (need_id, stage, entered_at, sequence) values (?, ?, ?, ?)")
                .params(id, to, utc(at), sequence).update();
        jdbc.sql("""
                insert into insight_stage_move (sequence, need_id, moved_at, from_stage, to_stage) values (?, ?, ?, ?, ?)
                """).params(sequence, id, utc(at), from, to).update();
    }

    void mergeNeed(UUID id, UUID into) {
        jdbc.sql("update insight_need set merged_into = ? where need_id = ?").params(into, id).update();
    }

    /** Writes the cases a batch changed, new ones included, in one statement. */
    void saveCases(Collection<CaseState> cases) {
        if (cases.isEmpty()) {
            return;
        }
        Columns rows = new Columns(cases.size());
        cases.forEach(c -> rows.add(c.id(), c.reference(), c.customerId(), c.needId(), c.inbound(), c.replies(), c.team(),
                c.status(), utc(c.openedAt()), c.resolvedAt() == null ? null : utc(c.resolvedAt()), c.assignee(),
                c.reopens(), c.breaches()));
        jdbc.sql("""
                insert into insight_case (case_id, reference, customer_id, need_id, inbound, replies, team, status,
                    opened_at, resolved_at, assignee, reopens, breaches)
                select * from unnest(?::uuid[], ?::text[], ?::uuid[], ?::uuid[], ?::int[], ?::int[], ?::text[], ?::text[],
                    ?::timestamptz[], ?::timestamptz[], ?::text[], ?::int[], ?::int[])
                on conflict (case_id) do update set reference = excluded.reference, customer_id = excluded.customer_id,
                    need_id = excluded.need_id, inbound = excluded.inbound, replies = excluded.replies,
                    team = excluded.team, status = excluded.status, opened_at = excluded.opened_at,
                    resolved_at = excluded.resolved_at, assignee = excluded.assignee, reopens = excluded.reopens,
                    breaches = excluded.breaches
                """).params(rows.arrays()).update();
    }

    /** Marks on the contacts of these cases take the need each case is about now (after the cases are saved). */
    void followCases(Collection<UUID> cases) {
        if (cases.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update insight_feedback f set need_id = c.need_id from insight_case c
                where f.case_id = any(?) and c.case_id = f.case_id and f.need_id is distinct from c.need_id
                """).param(cases.toArray(UUID[]::new)).update();
    }

    void insertGoodwill(long sequence, UUID customer, Goodwill given) {
        jdbc.sql("""
                insert into insight_goodwill (sequence, customer_id, kind, amount, currency, reason, given_by, given_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (sequence) do nothing
                """).params(sequence, customer, given.kind().name(), given.amount(), given.currency(), given.reason(),
                given.givenBy(), utc(given.givenAt())).update();
    }

    void insertSatisfaction(long sequence, UUID caseId, UUID customer, UUID need, String team, String agent,
            int score, Instant at) {
        jdbc.sql("""
                insert into insight_satisfaction (sequence, case_id, customer_id, need_id, team, agent, score, answered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (sequence) do nothing
                """).params(sequence, caseId, customer, need, team, agent, score, utc(at)).update();
    }

    /** A contact marked as feedback or a suggestion, as the journal told it. */
    record Mark(UUID contactId, String kind, String excerpt, String markedBy, Instant markedAt) {
    }

    /** Records the marks with where each contact happened, read from the work it was counted as. */
    void markContacts(Collection<Mark> marks) {
        if (marks.isEmpty()) {
            return;
        }
        Columns rows = new Columns(marks.size());
        marks.forEach(m -> rows.add(m.contactId(), m.kind(), m.excerpt(), m.markedBy(), utc(m.markedAt())));
        jdbc.sql("""
                insert into insight_feedback (contact_id, kind, excerpt, marked_by, marked_at, case_id, day, channel,
                    product, version, need_id)
                select m.contact_id, m.kind, m.excerpt, m.marked_by, m.marked_at, w.case_id, w.day, w.channel, w.product,
                    w.version, c.need_id
                from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                    m (contact_id, kind, excerpt, marked_by, marked_at)
                left join insight_work w on w.contact_id = m.contact_id
                left join insight_case c on c.case_id = w.case_id
                on conflict (contact_id) do update set kind = excluded.kind, marked_by = excluded.marked_by,
                    marked_at = excluded.marked_at
                """).params(rows.arrays()).update();
    }

    void insertOrganization(UUID id, String name, String plan) {
        jdbc.sql("""
                insert into insight_organization (organization_id, name, plan) values (?, ?, ?)
                on conflict (organization_id) do update set name = excluded.name, plan = excluded.plan
                """).params(id, name, plan).update();
    }

    /**
     * Points merged-away cases at the case that carries on, found by its reference once the batch's cases are saved
     * (the zero id when insight does not know that case).
     */
    void mergeCases(Map<UUID, String> intoReferences) {
        if (intoReferences.isEmpty()) {
            return;
        }
        Columns rows = new Columns(intoReferences.size());
        intoReferences.forEach((id, reference) -> rows.add(id, reference));
        jdbc.sql("""
                update insight_case c set merged_into = coalesce((select i.case_id from insight_case i
                    where i.reference = m.reference limit 1), '00000000-0000-0000-0000-000000000000')
                from unnest(?::uuid[], ?::text[]) m (case_id, reference) where c.case_id = m.case_id
                """).params(rows.arrays()).update();
    }

    /** Records which needs an article serves now, and whether customers can read it. */
    void articleChanged(UUID article, List<UUID> needs, boolean live) {
        jdbc.sql("delete from insight_article_need where article_id = ?").param(article).update();
        template.batchUpdate("insert into insight_article_need (article_id, need_id, live) values (?, ?, ?)",
                needs.stream().distinct().map(n -> new Object[] { article, n, live }).toList());
    }

    /** The work counted so far for each of the cases, in journal order. */
    Map<UUID, List<Work>> workOf(Collection<UUID> caseIds) {
        Map<UUID, List<Work>> work = new HashMap<>();
        if (!caseIds.isEmpty()) {
            jdbc.sql("select * from insight_work where case_id = any(?) order by sequence")
                    .param(caseIds.toArray(UUID[]::new)).query(RollupStore::work).list()
                    .forEach(w -> work.computeIfAbsent(w.caseId(), id -> new ArrayList<>()).add(w));
        }
        return work;
    }

    /** Sets the stage of all work stored for each case (the case moved to a need in that stage). */
    void restage(Map<UUID, String> stages) {
        if (stages.isEmpty()) {
            return;
        }
        Columns rows = new Columns(stages.size());
        stages.forEach((id, stage) -> rows.add(id, stage));
        jdbc.sql("""
                update insight_work w set stage = s.stage from unnest(?::uuid[], ?::text[]) s (case_id, stage)
                where w.case_id = s.case_id
                """).params(rows.arrays()).update();
    }

    void insertWork(Collection<Work> work) {
        if (work.isEmpty()) {
            return;
        }
        Columns rows = new Columns(work.size());
        work.forEach(w -> rows.add(w.sequence(), w.caseId(), w.day(), w.channel(), w.stage(), w.organizationId(),
                w.product(), w.version(), w.team(), w.contacts(), w.inbound(), w.repeats(), w.minutes(), w.contactId()));
        jdbc.sql("""
                insert into insight_work (sequence, case_id, day, channel, stage, organization_id, product, version,
                    team, contacts, inbound, repeats, minutes, contact_id)
                select * from unnest(?::bigint[], ?::uuid[], ?::date[], ?::text[], ?::text[], ?::uuid[], ?::text[],
                    ?::text[], ?::text[], ?::int[], ?::int[], ?::int[], ?::int[], ?::uuid[])
                on conflict (sequence) do nothing
                """).params(rows.arrays()).update();
    }

    /** Adds the deltas to one rollup table, all rows in one statement. */
    void addTo(Rollups.Table table, Map<List<Object>, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        List<String> columns = table.columns();
        int keyed = table.keys().size() + table.attributes().size();
        int counts = columns.size() - keyed;
        Columns rows = new Columns(deltas.size());
        deltas.forEach((key, values) -> {
            Object[] row = new Object[columns.size()];
            for (int i = 0; i < keyed; i++) {
                row[i] = key.get(i);
            }
            for (int i = 0; i < counts; i++) {
                row[keyed + i] = values[i];
            }
            rows.add(row);
        });
        StringBuilder sql = new StringBuilder("insert into ").append(table.name()).append(" (")
                .append(String.join(", ", columns)).append(") select * from unnest(");
        for (int i = 0; i < columns.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("?::").append(i < keyed ? type(columns.get(i)) : "bigint").append("[]");
        }
        sql.append(") on conflict (").append(String.join(", ", table.keys())).append(") do update set ");
        List<String> sets = new ArrayList<>();
        for (String attribute : table.attributes()) {
            sets.add(attribute + " = excluded." + attribute);
        }
        for (String count : columns.subList(keyed, columns.size())) {
            sets.add(count + " = " + table.name() + "." + count + " + excluded." + count);
        }
        sql.append(String.join(", ", sets));
        jdbc.sql(sql.toString()).params(rows.arrays()).update();
    }

    /** The SQL type of a rollup key column. */
    private static String type(String column) {
        return column.equals("day") || column.equals("period") ? "date" : column.endsWith("_id") ? "uuid" : "text";
    }

    private static Work work(ResultSet rs, int row) throws SQLException {
        return new Work(rs.getLong("sequence"), rs.getObject("case_id", UUID.class),
                rs.getObject("day", java.time.LocalDate.class), rs.getString("channel"), rs.getString("stage"),
                rs.getObject("organization_id", UUID.class), rs.getString("product"), rs.getString("version"),
                rs.getString("team"), rs.getInt("contacts"), rs.getInt("inbound"), rs.getInt("repeats"), rs.getInt("minutes"),
                rs.getObject("contact_id", UUID.class));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime at) {
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * Rows turned into one array per column, for {@code insert ... select * from unnest(...)}: one statement writes a
     * whole batch. Values go as text, which PostgreSQL casts to each column's array type.
     */
    private static final class Columns {

        private final int size;
        private final List<String[]> columns = new ArrayList<>();
        private int rows;

        Columns(int size) {
            this.size = size;
        }

        void add(Object... row) {
            while (columns.size() < row.length) {
                columns.add(new String[size]);
            }
            for (int i = 0; i < row.length; i++) {
                columns.get(i)[rows] = row[i] == null ? null : row[i].toString();
            }
            rows++;
        }

        /** One parameter per column. */
        Object[] arrays() {
            return columns.toArray();
        }
    }
}

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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The rollup projection's tables: its position in the journal, the state it keeps, and the daily rollups. */
@Repository
class RollupStore {

    /** A need's state as the projector tracks it. */
    record NeedState(UUID id, String stage) {
    }

    /** A case's state as the projector tracks it. */
    record CaseState(UUID id, UUID customerId, UUID needId, int inbound, int replies, String team) {

        CaseState withNeed(UUID need) {
            return new CaseState(id, customerId, need, inbound, replies, team);
        }

        CaseState withContact(boolean in) {
            return new CaseState(id, customerId, needId, inbound + (in ? 1 : 0), replies + (in ? 0 : 1), team);
        }

        CaseState withTeam(String name) {
            return new CaseState(id, customerId, needId, inbound, replies, name);
        }
    }

    /** The customer dimensions work is counted under. */
    record CustomerState(UUID organizationId, String plan, String product, String version) {

        static final CustomerState UNKNOWN = new CustomerState(Work.NONE, "", "", "");
    }

    private static final String[] TABLES = { "insight_need", "insight_stage_span", "insight_stage_move",
        "insight_customer", "insight_case", "insight_work", "insight_daily", "insight_daily_organization",
        "insight_daily_product", "insight_daily_team", "insight_article_need", "insight_organization", "insight_goodwill", "insight_feedback",
        "insight_satisfaction" };

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

    /** Empties every read model and sets the position back to the journal's start. */
    void clear() {
        jdbc.sql("truncate " + String.join(", ", TABLES)).update();
        savePosition(0);
    }

    Map<UUID, NeedState> needs() {
        Map<UUID, NeedState> needs = new HashMap<>();
        jdbc.sql("select need_id, stage from insight_need").query((rs, row) -> new NeedState(
                rs.getObject(1, UUID.class), rs.getString(2))).list().forEach(n -> needs.put(n.id(), n));
        return needs;
    }

    Map<UUID, CaseState> cases(Collection<UUID> ids) {
        Map<UUID, CaseState> cases = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select case_id, customer_id, need_id, inbound, replies, team from insight_case where case_id = any(?)")
                    .param(ids.toArray(UUID[]::new))
                    .query((rs, row) -> new CaseState(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                            rs.getObject(3, UUID.class), rs.getInt(4), rs.getInt(5), rs.getString(6)))
                    .list().forEach(c -> cases.put(c.id(), c));
        }
        return cases;
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

    void insertCustomer(UUID id, CustomerState customer) {
        jdbc.sql("""
                insert into insight_customer (customer_id, organization_id, plan, product, version)
                values (?, ?, ?, ?, ?) on conflict (customer_id) do update set organization_id = excluded.organization_id,
                    plan = excluded.plan, product = excluded.product, version = excluded.version
                """).params(id, customer.organizationId(), customer.plan(), customer.product(), customer.version())
                .update();
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

    void insertCase(CaseState c, String reference, Instant openedAt) {
        jdbc.sql("""
                insert into insight_case (case_id, reference, customer_id, need_id, inbound, replies, team, opened_at)
                values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (case_id) do nothing
                """).params(c.id(), reference, c.customerId(), c.needId(), c.inbound(), c.replies(), c.team(),
                utc(openedAt)).update();
    }

    /** A case opens when its first contact happened, which may be before it was journaled. */
    void caseFirstContact(UUID id, Instant at) {
        jdbc.sql("update insight_case set opened_at = least(opened_at, ?) where case_id = ?").params(utc(at), id)
                .update();
    }

    /** A case resolved or closed counts as resolved from then; moving it back out counts as a reopen. */
    void caseStatus(UUID id, String from, String to, Instant at) {
        boolean wasDone = from.equals("RESOLVED") || from.equals("CLOSED");
        boolean done = to.equals("RESOLVED") || to.equals("CLOSED");
        jdbc.sql("""
                update insight_case set status = ?, resolved_at = case when ? then coalesce(resolved_at, ?) else null end,
                    reopens = reopens + case when ? then 1 else 0 end
                where case_id = ?
                """).params(to, done, utc(at), wasDone && !done, id).update();
    }

    void caseBreached(UUID id) {
        jdbc.sql("update insight_case set breaches = breaches + 1 where case_id = ?").param(id).update();
    }

    void caseAssigned(UUID id, String assignee) {
        jdbc.sql("update insight_case set assignee = ? where case_id = ?").params(assignee, id).update();
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

    void markContact(UUID contact, String kind, String excerpt, String by, Instant at) {
        jdbc.sql("""
                insert into insight_feedback (contact_id, kind, excerpt, marked_by, marked_at) values (?, ?, ?, ?, ?)
                on conflict (contact_id) do update set kind = excluded.kind, marked_by = excluded.marked_by,
                    marked_at = excluded.marked_at
                """).params(contact, kind, excerpt, by, utc(at)).update();
    }

    void insertOrganization(UUID id, String name, String plan) {
        jdbc.sql("""
                insert into insight_organization (organization_id, name, plan) values (?, ?, ?)
                on conflict (organization_id) do update set name = excluded.name, plan = excluded.plan
                """).params(id, name, plan).update();
    }

    void saveCases(Collection<CaseState> cases) {
        template.batchUpdate("update insight_case set need_id = ?, inbound = ?, replies = ?, team = ? where case_id = ?",
                cases.stream().map(c -> new Object[] { c.needId(), c.inbound(), c.replies(), c.team(), c.id() })
                        .toList());
    }

    void mergeCase(UUID id, String intoReference) {
        jdbc.sql("""
                update insight_case set merged_into = (select case_id from insight_case where reference = ? limit 1)
                where case_id = ?
                """).params(intoReference, id).update();
    }

    /** Records which needs an article serves now, and whether customers can read it. */
    void articleChanged(UUID article, List<UUID> needs, boolean live) {
        jdbc.sql("delete from insight_article_need where article_id = ?").param(article).update();
        template.batchUpdate("insert into insight_article_need (article_id, need_id, live) values (?, ?, ?)",
                needs.stream().distinct().map(n -> new Object[] { article, n, live }).toList());
    }

    List<Work> workOf(UUID caseId) {
        return jdbc.sql("select * from insight_work where case_id = ? order by sequence").param(caseId)
                .query(RollupStore::work).list();
    }

    void restage(UUID caseId, String stage) {
        jdbc.sql("update insight_work set stage = ? where case_id = ?").params(stage, caseId).update();
    }

    void insertWork(List<Work> work) {
        template.batchUpdate("""
                insert into insight_work (sequence, case_id, day, channel, stage, organization_id, product, version,
                    team, contacts, inbound, repeats, minutes, contact_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (sequence) do nothing
                """, work.stream().map(w -> new Object[] { w.sequence(), w.caseId(), Date.valueOf(w.day()), w.channel(),
                    w.stage(), w.organizationId(), w.product(), w.version(), w.team(), w.contacts(), w.inbound(), w.repeats(),
                    w.minutes(), w.contactId() }).toList());
    }

    /** Adds the deltas to one rollup table: its key columns, then contacts, inbound, repeats and minutes. */
    void addTo(Rollups.Table table, Map<List<Object>, long[]> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        String keys = String.join(", ", table.keys());
        String marks = String.join(", ", java.util.Collections.nCopies(table.keys().size() + 4, "?"));
        String sql = "insert into " + table.name() + " (" + keys + ", contacts, inbound, repeats, minutes) values ("
                + marks + ") on conflict (" + keys + ") do update set contacts = " + table.name()
                + ".contacts + excluded.contacts, inbound = " + table.name() + ".inbound + excluded.inbound, repeats = "
                + table.name() + ".repeats + excluded.repeats, minutes = " + table.name() + ".minutes + excluded.minutes";
        List<Object[]> rows = new ArrayList<>(deltas.size());
        deltas.forEach((key, values) -> {
            Object[] row = new Object[key.size() + 4];
            for (int i = 0; i < key.size(); i++) {
                row[i] = key.get(i) instanceof java.time.LocalDate day ? Date.valueOf(day) : key.get(i);
            }
            for (int i = 0; i < 4; i++) {
                row[key.size() + i] = values[i];
            }
            rows.add(row);
        });
        template.batchUpdate(sql, rows);
    }

    private static Work work(ResultSet rs, int row) throws SQLException {
        return new Work(rs.getLong("sequence"), rs.getObject("case_id", UUID.class),
                rs.getObject("day", java.time.LocalDate.class), rs.getString("channel"), rs.getString("stage"),
                rs.getObject("organization_id", UUID.class), rs.getString("product"), rs.getString("version"),
                rs.getString("team"), rs.getInt("contacts"), rs.getInt("inbound"), rs.getInt("repeats"), rs.getInt("minutes"),
                rs.getObject("contact_id", UUID.class));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

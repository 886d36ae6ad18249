package io.repdesk.prevent;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes the signals read model ({@code prevent_signal_*}, {@code prevent_profile}) for the projector. */
@Repository
class SignalStore {

    private static final List<String> TABLES = List.of("prevent_signal_case", "prevent_signal_case_day",
            "prevent_signal_day", "prevent_profile");

    /** How far the projection has applied the journal, and the last entry that changed a customer's environment. */
    record Position(long sequence, long customersChanged) {
    }

    /** A need's contacts from one customer on one day. */
    record DayKey(UUID needId, LocalDate day, UUID customerId) {
    }

    /** What a customer ran from a moment on. */
    record ProfileRow(UUID customerId, Instant validFrom, long sequence, @Nullable String product,
            @Nullable String platform, @Nullable String version) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    SignalStore(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The position, locked until the transaction ends: one batch at a time, across every node. */
    Position lockPosition() {
        return jdbc.sql("select sequence, customers_changed from prevent_signal_position where projection = 'signals'"
                + " for update").query((rs, row) -> new Position(rs.getLong(1), rs.getLong(2))).single();
    }

    Position position() {
        return jdbc.sql("select sequence, customers_changed from prevent_signal_position where projection = 'signals'")
                .query((rs, row) -> new Position(rs.getLong(1), rs.getLong(2))).single();
    }

    void savePosition(Position position) {
        jdbc.sql("update prevent_signal_position set sequence = ?, customers_changed = ? where projection = 'signals'")
                .params(position.sequence(), position.customersChanged()).update();
    }

    /** Empties the read model and sets the position back to the journal's start. */
    void clear() {
        jdbc.sql("truncate " + String.join(", ", TABLES)).update();
        savePosition(new Position(0, 0));
    }

    Map<UUID, SignalCase> cases(Collection<UUID> ids) {
        Map<UUID, SignalCase> found = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select * from prevent_signal_case where case_id = any(?)").param(ids.toArray(UUID[]::new))
                    .query(SignalStore::signalCase).list().forEach(c -> found.put(c.id, c));
        }
        return found;
    }

    /** The case's customer messages per day, as stored. */
    Map<LocalDate, Integer> caseDays(UUID caseId) {
        Map<LocalDate, Integer> days = new HashMap<>();
        jdbc.sql("select day, contacts from prevent_signal_case_day where case_id = ?").param(caseId)
                .query((rs, row) -> days.put(rs.getObject(1, LocalDate.class), rs.getInt(2))).list();
        return days;
    }

    void saveCases(Collection<SignalCase> cases) {
        template.batchUpdate("""
                insert into prevent_signal_case (case_id, need_id, customer_id, opened_at, status, status_at, inbound,
                    replies, minutes, merged) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (case_id) do update set need_id = excluded.need_id, status = excluded.status,
                    status_at = excluded.status_at, inbound = excluded.inbound, replies = excluded.replies,
                    minutes = excluded.minutes, merged = excluded.merged
                """, cases.stream().map(c -> new Object[] { c.id, c.needId, c.customerId, utc(c.openedAt), c.status,
                    utc(c.statusAt), c.inbound, c.replies, c.minutes, c.merged }).toList());
    }

    void addCaseDays(Map<UUID, Map<LocalDate, Integer>> deltas) {
        List<Object[]> rows = new ArrayList<>();
        deltas.forEach((caseId, days) -> days.forEach((day, n) -> rows.add(new Object[] { caseId, Date.valueOf(day),
            n })));
        template.batchUpdate("""
                insert into prevent_signal_case_day (case_id, day, contacts) values (?, ?, ?)
                on conflict (case_id, day) do update set contacts = prevent_signal_case_day.contacts + excluded.contacts
                """, rows);
    }

    /** Adds the deltas to the per need, day and customer counts; a count that falls to zero is removed. */
    void addDays(Map<DayKey, Integer> deltas) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> fallen = new ArrayList<>();
        deltas.forEach((key, n) -> {
            if (n != 0) {
                Object[] row = { key.needId(), Date.valueOf(key.day()), key.customerId(), n };
                rows.add(row);
                if (n < 0) {
                    fallen.add(new Object[] { key.needId(), Date.valueOf(key.day()), key.customerId() });
                }
            }
        });
        template.batchUpdate("""
                insert into prevent_signal_day (need_id, day, customer_id, contacts) values (?, ?, ?, ?)
                on conflict (need_id, day, customer_id) do update
                    set contacts = prevent_signal_day.contacts + excluded.contacts
                """, rows);
        template.batchUpdate("delete from prevent_signal_day where need_id = ? and day = ? and customer_id = ?"
                + " and contacts <= 0", fallen);
    }

    void insertProfiles(List<ProfileRow> profiles) {
        template.batchUpdate("""
                insert into prevent_profile (customer_id, valid_from, sequence, product, platform, version)
                values (?, ?, ?, ?, ?, ?) on conflict do nothing
                """, profiles.stream().map(p -> new Object[] { p.customerId(), utc(p.validFrom()), p.sequence(),
                    p.product(), p.platform(), p.version() }).toList());
    }

    private static SignalCase signalCase(ResultSet rs, int row) throws SQLException {
        return new SignalCase(rs.getObject("case_id", UUID.class), rs.getObject("need_id", UUID.class),
                rs.getObject("customer_id", UUID.class), instant(rs, "opened_at"), rs.getString("status"),
                instant(rs, "status_at"), rs.getInt("inbound"), rs.getInt("replies"), rs.getLong("minutes"),
                rs.getBoolean("merged"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

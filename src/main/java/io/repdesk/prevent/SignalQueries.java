package io.repdesk.prevent;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/** Reads the signals read model ({@code prevent_signal_*}, {@code prevent_profile}). */
@Repository
class SignalQueries {

    /** A need's totals over its counted cases. */
    record Totals(long cases, long contacts, long customers, long minutes) {
    }

    private final JdbcClient jdbc;

    SignalQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Totals totals(NeedId need) {
        return jdbc.sql("""
                select count(*), coalesce(sum(inbound), 0), count(distinct customer_id), coalesce(sum(minutes), 0)
                from prevent_signal_case where need_id = ? and not merged
                """).param(need.value())
                .query((rs, row) -> new Totals(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4))).single();
    }

    long customersChanged() {
        return jdbc.sql("select customers_changed from prevent_signal_position where projection = 'signals'")
                .query(Long.class).single();
    }

    /** Contacts and distinct customers per ISO week from the week starting {@code from} on. */
    Map<LocalDate, Evidence.Week> weeks(NeedId need, LocalDate from) {
        Map<LocalDate, Evidence.Week> weeks = new HashMap<>();
        jdbc.sql("""
                select cast(date_trunc('week', day) as date) as week, sum(contacts), count(distinct customer_id)
                from prevent_signal_day where need_id = ? and day >= ? group by 1
                """).params(need.value(), from)
                .query((rs, row) -> {
                    LocalDate week = rs.getObject(1, LocalDate.class);
                    return weeks.put(week, new Evidence.Week(week, rs.getLong(2), rs.getLong(3)));
                }).list();
        return weeks;
    }

    /** Cases opened by a customer within the window after their previous case of the need. */
    long repeats(NeedId need, Duration window) {
        return jdbc.sql("""
                select count(*) from (
                    select opened_at, lag(opened_at) over (partition by customer_id order by opened_at, case_id) as before
                    from prevent_signal_case where need_id = ? and not merged) c
                where before is not null and opened_at <= before + cast(? as interval)
                """).params(need.value(), window.toSeconds() + " seconds").query(Long.class).single();
    }

    /** The times from opening to resolution of the need's resolved (or closed) cases, shortest first. */
    List<Duration> resolutions(NeedId need) {
        return jdbc.sql("""
                select opened_at, status_at from prevent_signal_case
                where need_id = ? and not merged and status in ('RESOLVED', 'CLOSED')
                """).param(need.value())
                .query((rs, row) -> Duration.between(SignalStore.instant(rs, "opened_at"),
                        SignalStore.instant(rs, "status_at")))
                .list().stream().sorted().toList();
    }

    /** The need's counted cases, most recently opened first, at most {@code limit} of them. */
    List<CaseOpening> cases(NeedId need, Instant after, int limit) {
        return jdbc.sql("""
                select case_id, customer_id, opened_at from prevent_signal_case
                where need_id = ? and not merged and opened_at > ? order by opened_at desc, case_id desc limit ?
                """).params(need.value(), SignalStore.utc(after), limit)
                .query((rs, row) -> new CaseOpening(new CaseId(rs.getObject(1, UUID.class)),
                        new CustomerId(rs.getObject(2, UUID.class)), SignalStore.instant(rs, "opened_at")))
                .list();
    }

    List<CaseId> caseIds(NeedId need) {
        return jdbc.sql("select case_id from prevent_signal_case where need_id = ? and not merged")
                .param(need.value()).query((rs, row) -> new CaseId(rs.getObject(1, UUID.class))).list();
    }

    Set<CustomerId> customers(NeedId need) {
        return new LinkedHashSet<>(jdbc.sql("""
                select distinct customer_id from prevent_signal_case where need_id = ? and not merged
                """).param(need.value()).query((rs, row) -> new CustomerId(rs.getObject(1, UUID.class))).list());
    }

    /** Cases opened from the moment on, per need, busiest need first. */
    Map<NeedId, Long> openedSince(Instant since) {
        Map<NeedId, Long> opened = new LinkedHashMap<>();
        jdbc.sql("""
                select need_id, count(*) as n from prevent_signal_case
                where opened_at >= ? and need_id is not null and not merged group by need_id order by n desc, need_id
                """).param(SignalStore.utc(since))
                .query((rs, row) -> opened.put(new NeedId(rs.getObject(1, UUID.class)), rs.getLong(2))).list();
        return opened;
    }

    /**
     * What each customer ran at the paired moment: the profile in force then, else the first one known; null where
     * the customer's environment was never journaled.
     */
    List<@Nullable RunningVersion> runningAt(List<CustomerId> customers, List<Instant> moments) {
        List<@Nullable RunningVersion> found = new ArrayList<>(java.util.Collections.nCopies(customers.size(), null));
        if (customers.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                select q.i, p.product, p.platform, p.version
                from unnest(cast(? as uuid[]), cast(cast(? as text[]) as timestamptz[])) with ordinality
                    as q(customer_id, at, i)
                join lateral (
                    select h.product, h.platform, h.version from prevent_profile h where h.customer_id = q.customer_id
                    order by h.valid_from <= q.at desc,
                        case when h.valid_from <= q.at then h.valid_from end desc nulls last,
                        h.valid_from, h.sequence desc
                    limit 1) p on true
                """)
                .params(customers.stream().map(CustomerId::value).toArray(UUID[]::new),
                        moments.stream().map(Instant::toString).toArray(String[]::new))
                .query((rs, row) -> found.set(rs.getInt(1) - 1, new RunningVersion(rs.getString(2), rs.getString(3),
                        rs.getString(4))))
                .list();
        return found;
    }
}

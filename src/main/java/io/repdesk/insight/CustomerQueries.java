package io.repdesk.insight;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads the insight tables per customer and per organization. */
@Repository
class CustomerQueries {

    /** How many listed organizations a peer page shows. */
    static final int LISTED = 25;

    private final JdbcClient jdbc;
    private final InsightQueries queries;

    CustomerQueries(JdbcClient jdbc, InsightQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    CustomerView customer(UUID customerId) {
        List<CustomerView.NeedSeen> needs = jdbc.sql("""
                select nullif(c.need_id, '00000000-0000-0000-0000-000000000000'), coalesce(n.title, 'Not linked to a need yet'),
                    coalesce(n.stage, 'TRIAGE'), count(*), max(c.opened_at)
                from insight_case c left join insight_need n on n.need_id = c.need_id
                where c.customer_id = ? and c.merged_into is null
                group by 1, 2, 3 order by 4 desc, 5 desc limit 20
                """).param(customerId).query((rs, row) -> new CustomerView.NeedSeen(rs.getObject(1, UUID.class),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getObject(5, OffsetDateTime.class).toInstant()))
                .list();
        List<Goodwill> goodwill = jdbc.sql("""
                select kind, amount, currency, reason, given_by, given_at from insight_goodwill
                where customer_id = ? order by given_at desc, sequence desc
                """).param(customerId).query((rs, row) -> new Goodwill(Goodwill.Kind.valueOf(rs.getString(1)),
                rs.getBigDecimal(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant())).list();
        return jdbc.sql("""
                select count(*), count(*) filter (where status not in ('RESOLVED', 'CLOSED')), coalesce(sum(breaches), 0),
                    count(*) filter (where reopens > 0)
                from insight_case where customer_id = ? and merged_into is null
                """).param(customerId).query((rs, row) -> new CustomerView(rs.getLong(1), rs.getLong(2), rs.getLong(3),
                rs.getLong(4), needs, null, 0, goodwill)).single();
    }

    /** Every organization with seats, against the median of its peers, most over first. */
    List<Peers.Organization> peers(InsightFilter filter) {
        List<Peers.Organization> listed = queries.bind("""
                with seats as (
                    select organization_id, seats from insight_seats
                    where seats > 0 and organization_id <> '00000000-0000-0000-0000-000000000000'),
                load as (
                    select d.organization_id, sum(d.contacts) as contacts
                    from (""" + InsightQueries.periodRows("insight_period_organization", "organization_id, contacts",
                        "demand_class = coalesce(cast(:demandClass as text), '*')") + """
                    ) d group by d.organization_id),
                orgs as (
                    select s.organization_id, coalesce(o.name, '') as name, coalesce(o.plan, '') as plan, s.seats,
                        case when s.seats < 10 then '1-9 seats' when s.seats < 50 then '10-49 seats' else '50+ seats' end
                            as size,
                        coalesce(l.contacts, 0) as contacts, coalesce(l.contacts, 0)::float / s.seats as per_seat
                    from seats s left join insight_organization o on o.organization_id = s.organization_id
                    left join load l on l.organization_id = s.organization_id),
                medians as (
                    select plan, size, percentile_cont(0.5) within group (order by per_seat) as median, count(*) as peers
                    from orgs group by plan, size)
                select o.organization_id, o.name, o.plan, o.size, o.seats, o.contacts, o.per_seat, m.median, m.peers,
                    case when m.median > 0 then o.per_seat / m.median else 0 end as ratio
                from orgs o join medians m on m.plan = o.plan and m.size = o.size
                order by ratio desc, o.contacts desc limit :limit
                """, filter).param("limit", LISTED)
                .query((rs, row) -> new Peers.Organization(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getDouble(7),
                        rs.getDouble(8), rs.getLong(9), rs.getDouble(10), List.of()))
                .list();
        Map<UUID, List<Peers.Driver>> drivers = drivers(filter, listed.stream().map(Peers.Organization::organizationId)
                .toList());
        List<Peers.Organization> withDrivers = new ArrayList<>();
        for (Peers.Organization o : listed) {
            withDrivers.add(new Peers.Organization(o.organizationId(), o.name(), o.plan(), o.size(), o.seats(),
                    o.contacts(), o.perSeat(), o.peerMedian(), o.peerCount(), o.ratio(),
                    drivers.getOrDefault(o.organizationId(), List.of())));
        }
        return withDrivers;
    }

    /** The three needs with the most contacts of each organization. */
    private Map<UUID, List<Peers.Driver>> drivers(InsightFilter filter, List<UUID> organizations) {
        Map<UUID, List<Peers.Driver>> drivers = new HashMap<>();
        if (organizations.isEmpty()) {
            return drivers;
        }
        queries.bind("""
                select organization_id, nullif(need_id, '00000000-0000-0000-0000-000000000000'), title, contacts from (
                    select d.organization_id, d.need_id, coalesce(n.title, 'Not linked to a need yet') as title,
                        sum(d.contacts) as contacts,
                        row_number() over (partition by d.organization_id order by sum(d.contacts) desc) as rank
                    from insight_daily_organization d left join insight_need n on n.need_id = d.need_id
                    where d.day between :from and :to and d.organization_id = any(:organizations)
                      and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
                    group by d.organization_id, d.need_id, n.title) ranked
                where rank <= 3 and contacts > 0 order by organization_id, rank
                """, filter).param("organizations", organizations.toArray(UUID[]::new))
                .query((rs, row) -> Map.entry(rs.getObject(1, UUID.class), new Peers.Driver(rs.getObject(2, UUID.class),
                        rs.getString(3), rs.getLong(4))))
                .list().forEach(e -> drivers.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return drivers;
    }

    /** Case filters shared by the team and agent metrics. */
    private static final String CASES = """
            from insight_case c left join insight_need n on n.need_id = c.need_id
            where c.merged_into is null and c.opened_at < :end
              and (cast(:demandClass as text) is null or n.demand_class = :demandClass)
              and (cast(:stage as text) is null or coalesce(n.stage, 'TRIAGE') = :stage)
            """;

    /**
     * Case outcomes per team and per assignee from the daily outcome rollup, both in one pass (grouping sets): the
     * range's days, and for the backlog every earlier day that still has open cases. The median age of the open
     * cases comes from the open cases alone.
     */
    TeamMetrics caseMetrics(InsightFilter filter) {
        Map<List<Object>, Double> medians = new HashMap<>();
        queries.bind("""
                select grouping(c.team) = 0, case when grouping(c.team) = 0 then c.team else c.assignee end,
                    percentile_cont(0.5) within group (order by extract(epoch from :end - c.opened_at) / 86400)
                """ + CASES + " and c.resolved_at is null group by grouping sets ((c.team), (c.assignee))", filter)
                .query((rs, row) -> medians.put(List.of(rs.getBoolean(1), rs.getString(2)), rs.getDouble(3))).list();
        List<TeamMetrics.Row> teams = new ArrayList<>();
        List<TeamMetrics.Row> agents = new ArrayList<>();
        queries.bind("""
                select grouping(d.team) = 0, case when grouping(d.team) = 0 then d.team else d.assignee end,
                    coalesce(sum(d.opened) filter (where d.day >= :from), 0) as opened,
                    coalesce(sum(d.opened_in_time) filter (where d.day >= :from), 0),
                    coalesce(sum(d.resolved) filter (where d.day >= :from), 0) as resolved,
                    coalesce(sum(d.first_contact) filter (where d.day >= :from), 0),
                    coalesce(sum(d.reopened) filter (where d.day >= :from), 0),
                    sum(d.open) as open
                from insight_daily_outcome d
                where d.day <= :to and (d.day >= :from or d.open > 0)
                  and (cast(:demandClass as text) is null or d.demand_class = :demandClass)
                  and (cast(:stage as text) is null or d.stage = :stage)
                group by grouping sets ((d.team), (d.assignee))
                having coalesce(sum(d.opened) filter (where d.day >= :from), 0)
                    + coalesce(sum(d.resolved) filter (where d.day >= :from), 0) + sum(d.open) > 0
                """, filter).query((rs, row) -> {
                    boolean byTeam = rs.getBoolean(1);
                    String name = rs.getString(2);
                    (byTeam ? teams : agents).add(new TeamMetrics.Row(name, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8), medians.get(List.of(byTeam, name))));
                    return null;
                }).list();
        java.util.Comparator<TeamMetrics.Row> order = java.util.Comparator.comparingLong(TeamMetrics.Row::opened)
                .reversed().thenComparing(TeamMetrics.Row::name);
        teams.sort(order);
        agents.sort(order);
        return new TeamMetrics(teams, agents);
    }
}

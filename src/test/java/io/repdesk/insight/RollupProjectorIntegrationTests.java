package io.repdesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseNote;
import io.repdesk.casework.CaseStatus;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.HandlingCost;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/**
 * The rollups are checked against the same figures recomputed by plain SQL from the contacts, cases, customers and
 * the journal, on generated data with late-arriving contacts, cases linked to a need after their contacts, needs
 * moving stage between contacts, needs reclassified after work was counted for them, merged needs and merged cases,
 * resolved, reopened and assigned cases (the outcome rollup).
 */
@RepdeskIntegrationTest
class RollupProjectorIntegrationTests {

    static final Instant START = Instant.parse("2026-09-01T08:00:00Z");

    @Autowired
    RollupProjector projector;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CustomerManagement customers;

    @Autowired
    NeedManagement needs;

    @Autowired
    CaseManagement cases;

    @Autowired
    HandlingCost cost;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void rollupsEqualASqlRecomputationOfGeneratedHistory() {
        generate(new Random(8));
        assertRollupsMatchRecomputation();
    }

    @Test
    void aRebuildFromTheJournalGivesTheSameRollups() {
        generate(new Random(21));
        projector.rebuild(position -> { });
        assertRollupsMatchRecomputation();
    }

    @Test
    void applyingTheJournalAgainChangesNothing() {
        generate(new Random(5));
        projector.catchUp();
        String before = fingerprint();
        jdbc.sql("update insight_position set sequence = sequence").update();
        assertThat(projector.catchUp()).isEqualTo(projector.position());
        assertThat(fingerprint()).isEqualTo(before);
    }

    private String fingerprint() {
        return jdbc.sql("select coalesce(sum(contacts), 0) || '/' || coalesce(sum(minutes), 0) from insight_daily")
                .query(String.class).single();
    }

    /** A small, varied history: every path the projector must get right, seeded so that a failure repeats. */
    private void generate(Random random) {
        String run = UUID.randomUUID().toString().substring(0, 8);
        OrganizationId org = customers.registerOrganization("Rollup " + run, "Business").id();
        List<CustomerId> people = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            people.add(customers.register(new NewCustomer(org, "Rollup " + run + " " + i, "rollup-" + run + "-" + i
                    + "@example.com", new EnvironmentProfile("Portal", "5." + i, "web", "Business", "EU", Map.of()),
                    null)).id());
        }
        List<NeedId> known = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            known.add(needs.define(new NewNeed("rollup-" + run + "-" + i, "Rollup need " + run + " " + i, "",
                    DemandClass.values()[1 + i], null), START).id());
        }
        List<CaseId> opened = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            NeedId need = i % 4 == 3 ? null : known.get(i % 3);
            opened.add(contact(people.get(i % 4), null, START.plus(Duration.ofDays(i)), need, Direction.INBOUND, random));
        }
        for (int i = 0; i < 40; i++) {
            CaseId onCase = opened.get(random.nextInt(opened.size()));
            // Late arrivals: some contacts are recorded now but happened weeks before the others.
            Instant at = START.plus(Duration.ofHours(random.nextInt(24 * 60)));
            contact(cases.get(onCase).customerId(), onCase, at, null,
                    random.nextBoolean() ? Direction.INBOUND : Direction.OUTBOUND, random);
            if (i == 5) {
                // Outcomes: a case assigned before it is linked to a need.
                cases.assign(opened.get(3), "sam.tier2");
            }
            if (i == 15) {
                needs.classify(known.get(0), DemandClass.ROUTINE, "rollup test: reclassified after contacts");
            }
            if (i == 38) {
                needs.classify(known.get(1), DemandClass.VALUE_ADDING, "rollup test: reclassified after a link");
            }
            if (i == 10) {
                needs.moveTo(known.get(0), LifecycleStage.EMPOWER, "rollup test", START.plus(Duration.ofDays(20)));
            }
            if (i == 20) {
                cases.linkToNeed(opened.get(3), known.get(1));
                cases.addNote(opened.get(5), CaseNote.Kind.NOTE, "checked the logs");
            }
            if (i == 25) {
                needs.merge(known.get(2), known.get(1));
            }
            if (i == 30) {
                cases.merge(opened.get(6), opened.get(2));
            }
            if (i == 35) {
                needs.moveTo(known.get(1), LifecycleStage.PREVENT, "rollup test", START.plus(Duration.ofDays(40)));
            }
        }
        // A contact on the merged-away case lands on the case that carries on.
        contact(cases.get(opened.get(6)).customerId(), opened.get(6), START.plus(Duration.ofDays(50)), null,
                Direction.INBOUND, random);
        // Outcomes, dated after every contact (the history ends on 31 October): a case resolved, reopened and
        // resolved again, one resolved and one closed; then their needs change stage and class once more.
        Instant end = START.plus(Duration.ofDays(61));
        cases.changeStatus(opened.get(0), CaseStatus.RESOLVED, end);
        cases.changeStatus(opened.get(0), CaseStatus.OPEN, end.plus(Duration.ofHours(1)));
        cases.changeStatus(opened.get(0), CaseStatus.RESOLVED, end.plus(Duration.ofHours(2)));
        cases.changeStatus(opened.get(1), CaseStatus.RESOLVED, end);
        cases.changeStatus(opened.get(7), CaseStatus.CLOSED, end);
        needs.moveTo(known.get(0), LifecycleStage.PREVENT, "rollup test", end.plus(Duration.ofHours(3)));
        needs.classify(known.get(1), DemandClass.VALUE_ERODING, "rollup test: reclassified after resolutions");
    }

    private CaseId contact(CustomerId customer, CaseId onCase, Instant at, NeedId need, Direction direction,
            Random random) {
        Channel channel = Channel.values()[random.nextInt(Channel.values().length)];
        return contacts.record(new NewContact(customer, onCase, channel, direction, at, "Rollup " + random.nextInt(),
                "body " + random.nextLong(), null, null, need, null)).contact().caseId();
    }

    /** Catches up and compares in one snapshot in which nothing was journaled after the projector's position. */
    private void assertRollupsMatchRecomputation() {
        TransactionTemplate snapshot = new TransactionTemplate(transactions.getTransactionManager());
        snapshot.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            projector.catchUp();
            List<String> differences = snapshot.execute(status -> {
                long head = jdbc.sql("select coalesce(max(sequence), 0) from journal_event").query(Long.class).single();
                if (head != projector.position()) {
                    return null;
                }
                List<String> found = new ArrayList<>();
                found.addAll(differences("insight_daily", "day, need_id, stage, channel"));
                found.addAll(differences("insight_daily_organization", "day, organization_id, need_id"));
                found.addAll(differences("insight_daily_product", "day, product, version, need_id"));
                found.addAll(differences("insight_daily_team", "day, team, need_id"));
                found.addAll(differences("insight_daily_class", "day, demand_class, stage, channel"));
                found.addAll(differences("insight_daily_class_need", "need_id, day, stage, demand_class"));
                found.addAll(differences("insight_daily_class_team", "day, demand_class, team"));
                found.addAll(portalDifferences());
                found.addAll(outcomeDifferences());
                found.addAll(periodDifferences());
                found.addAll(caseDifferences());
                found.addAll(seatDifferences());
                return found;
            });
            if (differences != null) {
                assertThat(differences).isEmpty();
                assertThat(jdbc.sql("select count(*) from insight_daily where contacts > 0").query(Long.class).single())
                        .isPositive();
                return;
            }
            assertThat(System.nanoTime()).as("the journal kept moving for a minute").isLessThan(deadline);
        }
    }

    /** The per-need rollup's portal contacts against the inbound portal contacts recomputed. */
    private List<String> portalDifferences() {
        String rollup = "select need_id, day, sum(portal) as portal from insight_daily_class_need group by need_id, day"
                + " having sum(portal) <> 0";
        String recomputed = "select need_id, day, sum(inbound) as portal from (" + recomputation()
                + ") w where channel = 'PORTAL' group by need_id, day having sum(inbound) <> 0";
        String sql = "(" + rollup + " except " + recomputed + ") union all (" + recomputed + " except " + rollup + ")";
        return jdbc.sql("select r::text from (" + sql + ") r limit 20").query(String.class).list()
                .stream().map(row -> "portal " + row).collect(Collectors.toList());
    }

    /**
     * The daily outcome rollup against the outcomes recomputed from the cases: on the day each case opened and the
     * day it was resolved, under the class and stage its need has now; merged cases count nothing.
     */
    private List<String> outcomeDifferences() {
        String keys = "day, team, assignee, demand_class, stage";
        String sums = "sum(opened) as opened, sum(opened_in_time) as opened_in_time, sum(resolved) as resolved, "
                + "sum(first_contact) as first_contact, sum(reopened) as reopened, sum(open) as open";
        String rollup = "select " + keys + ", " + sums + " from insight_daily_outcome group by " + keys
                + " having sum(opened) <> 0 or sum(opened_in_time) <> 0 or sum(resolved) <> 0 or sum(first_contact) <> 0"
                + " or sum(reopened) <> 0 or sum(open) <> 0";
        String recomputed = "select " + keys + ", " + sums + """
                 from (
                    select (c.opened_at at time zone 'UTC')::date as day, c.team, c.assignee,
                        coalesce(n.demand_class, '') as demand_class, coalesce(n.stage, 'TRIAGE') as stage, 1 as opened,
                        (c.breaches = 0)::int as opened_in_time, 0 as resolved, 0 as first_contact, 0 as reopened,
                        (c.resolved_at is null)::int as open
                    from insight_case c left join insight_need n on n.need_id = c.need_id where c.merged_into is null
                    union all
                    select (c.resolved_at at time zone 'UTC')::date, c.team, c.assignee, coalesce(n.demand_class, ''),
                        coalesce(n.stage, 'TRIAGE'), 0, 0, 1, (c.replies <= 1 and c.reopens = 0)::int,
                        (c.reopens > 0)::int, 0
                    from insight_case c left join insight_need n on n.need_id = c.need_id
                    where c.merged_into is null and c.resolved_at is not null) o
                group by\s""" + keys;
        String sql = "(" + rollup + " except " + recomputed + ") union all (" + recomputed + " except " + rollup + ")";
        return jdbc.sql("select r::text from (" + sql + ") r limit 20").query(String.class).list()
                .stream().map(row -> "insight_daily_outcome " + row).collect(Collectors.toList());
    }

    /**
     * The period rollups against the recomputed work summed per day, per week within a month and per month: per need
     * (with its class and portal contacts), and per organization under its need's class and under every class.
     */
    private List<String> periodDifferences() {
        String periods = """
                (select g.grain, case g.grain when 'D' then w.day
                        when 'W' then greatest(date_trunc('week', w.day), date_trunc('month', w.day))::date
                        else date_trunc('month', w.day)::date end as period, w.*
                 from (%s) w cross join (values ('D'), ('W'), ('M')) g (grain))""".formatted(recomputation());
        String needKeys = "need_id, grain, period, stage, demand_class";
        String needSums = "sum(contacts) as contacts, sum(inbound) as inbound, sum(repeats) as repeats, "
                + "sum(minutes) as minutes, sum(portal) as portal";
        String needRollup = "select " + needKeys + ", " + needSums + " from insight_period_need group by " + needKeys
                + " having sum(contacts) <> 0 or sum(minutes) <> 0";
        String needRecomputed = "select " + needKeys + ", sum(contacts) as contacts, sum(inbound) as inbound, "
                + "sum(repeats) as repeats, sum(minutes) as minutes, "
                + "coalesce(sum(inbound) filter (where channel = 'PORTAL'), 0) as portal from " + periods
                + " p group by " + needKeys;
        String orgKeys = "grain, period, demand_class, organization_id";
        String orgSums = "sum(contacts) as contacts, sum(inbound) as inbound, sum(repeats) as repeats, "
                + "sum(minutes) as minutes";
        String orgRollup = "select " + orgKeys + ", " + orgSums + " from insight_period_organization group by " + orgKeys
                + " having sum(contacts) <> 0 or sum(minutes) <> 0";
        String orgRecomputed = "select " + orgKeys + ", " + orgSums + " from (select grain, period, demand_class, "
                + "organization_id, contacts, inbound, repeats, minutes from " + periods + " p union all "
                + "select grain, period, '*', organization_id, contacts, inbound, repeats, minutes from " + periods
                + " q) o group by " + orgKeys;
        List<String> found = new ArrayList<>();
        for (String[] pair : List.of(new String[] { "insight_period_need", needRollup, needRecomputed },
                new String[] { "insight_period_organization", orgRollup, orgRecomputed })) {
            String sql = "(" + pair[1] + " except " + pair[2] + ") union all (" + pair[2] + " except " + pair[1] + ")";
            jdbc.sql("select r::text from (" + sql + ") r limit 20").query(String.class).list()
                    .forEach(row -> found.add(pair[0] + " " + row));
        }
        return found;
    }

    /** Seats per organization against the customers registered on it. */
    private List<String> seatDifferences() {
        return jdbc.sql("""
                select coalesce(s.organization_id, c.organization_id)::text || ' ' || coalesce(s.seats, 0) || ' <> '
                    || coalesce(c.seats, 0)
                from insight_seats s full join (
                    select coalesce(organization_id, '00000000-0000-0000-0000-000000000000') as organization_id,
                        count(*) as seats
                    from customer_customer group by 1) c on c.organization_id = s.organization_id
                where coalesce(s.seats, 0) <> coalesce(c.seats, 0) limit 20
                """).query(String.class).list().stream().map(row -> "insight_seats " + row).collect(Collectors.toList());
    }

    /** The per-case read model's need, status and merge against casework's own cases. */
    private List<String> caseDifferences() {
        return jdbc.sql("""
                select c.id::text from casework_case c left join insight_case i on i.case_id = c.id
                where i.case_id is null
                   or i.need_id <> coalesce(c.need_id, '00000000-0000-0000-0000-000000000000')
                   or i.status <> c.status or (i.merged_into is null) <> (c.merged_into is null)
                limit 20
                """).query(String.class).list().stream().map(id -> "insight_case " + id).collect(Collectors.toList());
    }

    /** Rows of the rollup and of its recomputation that differ, both ways. */
    private List<String> differences(String table, String keys) {
        String rollup = "select " + keys + ", sum(contacts) as contacts, sum(inbound) as inbound, "
                + "sum(repeats) as repeats, sum(minutes) as minutes from " + table + " group by " + keys
                + " having sum(contacts) <> 0 or sum(minutes) <> 0";
        String recomputed = "select " + keys + ", sum(contacts) as contacts, sum(inbound) as inbound, "
                + "sum(repeats) as repeats, sum(minutes) as minutes from (" + recomputation() + ") w group by " + keys;
        String sql = "(" + rollup + " except " + recomputed + ") union all (" + recomputed + " except " + rollup + ")";
        return jdbc.sql("select r::text from (" + sql + ") r limit 20").query(String.class).list()
                .stream().map(row -> table + " " + row).collect(Collectors.toList());
    }

    /**
     * Every unit of work from the source tables: contacts (with their case's need now, the stage that need was in
     * when the contact was journaled or its case last changed need, whichever came later) and priced case events.
     */
    private String recomputation() {
        String minutes = cost.eventMinutes().entrySet().stream()
                .map(e -> "('" + e.getKey() + "', " + e.getValue() + ")").collect(Collectors.joining(", "));
        return """
                with work as (
                    select j.sequence, c.case_id, (c.occurred_at at time zone 'UTC')::date as day, c.channel,
                        1 as contacts, (c.direction = 'INBOUND')::int as inbound,
                        case when c.direction = 'INBOUND' then %d else %d end as minutes,
                        case when c.direction = 'INBOUND' and row_number() over (partition by c.case_id,
                            c.direction order by j.sequence) > 1 then 1 else 0 end as repeats
                    from contact_contact c
                    join journal_event j on j.stream = 'contact' and j.stream_id = c.id and j.type = 'ContactRecorded'
                    union all
                    select j.sequence, j.stream_id, (j.occurred_at at time zone 'UTC')::date, '', 0, 0, m.minutes, 0
                    from journal_event j join (values %s) as m (type, minutes) on m.type = j.type
                    where j.stream = 'case'
                ), placed as (
                    select w.*, k.need_id, k.customer_id,
                        greatest(w.sequence, (select max(l.sequence) from journal_event l
                            where l.stream = 'case' and l.stream_id = w.case_id and l.type = 'CaseLinkedToNeed'
                              and (l.payload ->> 'needId') is distinct from (l.payload ->> 'previousNeedId')))
                            as effective
                    from work w join casework_case k on k.id = w.case_id
                )
                select p.day, coalesce(p.need_id, '00000000-0000-0000-0000-000000000000') as need_id,
                    case when p.need_id is null then 'TRIAGE' else coalesce((select s.payload ->> 'to'
                        from journal_event s where s.stream = 'need' and s.stream_id = p.need_id
                          and s.type = 'NeedStageChanged' and s.sequence < p.effective
                        order by s.sequence desc limit 1), 'RESPOND') end as stage,
                    p.channel, coalesce((select d.demand_class from need_need d where d.id = p.need_id), '')
                        as demand_class, coalesce(u.organization_id, '00000000-0000-0000-0000-000000000000') as organization_id,
                    coalesce((select e.payload -> 'environment' ->> 'product' from journal_event e
                        where e.stream = 'customer' and e.stream_id = p.customer_id and e.sequence < p.sequence
                          and e.type in ('CustomerRegistered', 'CustomerEnvironmentChanged')
                        order by e.sequence desc limit 1), '') as product,
                    coalesce((select e.payload -> 'environment' ->> 'version' from journal_event e
                        where e.stream = 'customer' and e.stream_id = p.customer_id and e.sequence < p.sequence
                          and e.type in ('CustomerRegistered', 'CustomerEnvironmentChanged')
                        order by e.sequence desc limit 1), '') as version,
                    coalesce((select coalesce(t.payload ->> 'team', t.payload ->> 'toTeam') from journal_event t
                        where t.stream = 'case' and t.stream_id = p.case_id and t.sequence < p.sequence
                          and t.type in ('CaseQueued', 'CaseEscalated')
                          and coalesce(t.payload ->> 'team', t.payload ->> 'toTeam', '') <> ''
                        order by t.sequence desc limit 1), '') as team,
                    p.contacts, p.inbound, p.repeats, p.minutes
                from placed p left join customer_customer u on u.id = p.customer_id
                """.formatted(cost.inboundMinutes(), cost.replyMinutes(), minutes);
    }
}

package io.repdesk.eval;

import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Writes a large synthetic history straight into the journal with {@code generate_series}: entries shaped like the
 * ones the customer, need, casework and contact modules journal, for benchmarks of the journal's consumers. Ids are
 * derived from numbers ({@code md5('case' || n)}), so each phase can refer to what an earlier phase wrote.
 */
@Repository
class SyntheticJournal {

    /** Sizes of the history: organizations, customers, needs, cases, contacts and extra priced case events. */
    record Size(int organizations, int customers, int needs, int cases, int contacts, long caseEvents) {
    }

    private final JdbcClient jdbc;

    SyntheticJournal(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long entries() {
        return jdbc.sql("select count(*) from journal_event").query(Long.class).single();
    }

    void organizations(Size size) {
        insert("""
                select 'organization', md5('org' || i)::uuid, 'OrganizationRegistered',
                    jsonb_build_object('name', 'Organization ' || i, 'plan', (array['Starter', 'Business', 'Enterprise'])[1 + i % 3])
                from generate_series(1, cast(:n as int)) i
                """, size.organizations(), size);
    }

    void customers(Size size) {
        insert("""
                select 'customer', md5('customer' || i)::uuid, 'CustomerRegistered',
                    jsonb_build_object('name', 'Customer ' || i, 'email', 'c' || i || '@example.com',
                        'organizationId', md5('org' || (1 + (i * 7) % :organizations))::uuid,
                        'environment', jsonb_build_object('product', (array['App', 'Portal', 'API'])[1 + i % 3],
                            'version', '5.' || (i % 7), 'plan', (array['Starter', 'Business', 'Enterprise'])[1 + i % 3]))
                from generate_series(1, cast(:n as int)) i
                """, size.customers(), size);
    }

    /** Needs created over the last year; a third moved on to Empower, a ninth to Prevent, some eliminated. */
    void needs(Size size) {
        insert("""
                select 'need', md5('need' || i)::uuid, 'NeedDefined',
                    jsonb_build_object('key', 'need-' || i, 'title', 'Synthetic need ' || i,
                        'demandClass', (array['UNCLASSIFIED', 'VALUE_ERODING', 'ROUTINE', 'VALUE_ADDING'])[1 + i % 4],
                        'createdAt', to_char((now() - make_interval(days => i % 365)) at time zone 'UTC',
                            'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                from generate_series(1, cast(:n as int)) i
                """, size.needs(), size);
        move(size, 3, "RESPOND", "EMPOWER", 10);
        move(size, 9, "EMPOWER", "PREVENT", 30);
        move(size, 27, "PREVENT", "ELIMINATED", 60);
    }

    private void move(Size size, int every, String from, String to, int days) {
        insert("""
                select 'need', md5('need' || i)::uuid, 'NeedStageChanged',
                    jsonb_build_object('from', '%s', 'to', '%s', 'at', to_char((now() - make_interval(days => i %% 365)
                        + make_interval(days => least(%d + i %% 20, i %% 365))) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))
                from generate_series(%d, cast(:n as int), %d) i
                """.formatted(from, to, days, every, every), size.needs(), size);
    }

    /** Cases opened over the last year; one in five waits in triage until linked at the end. */
    void cases(Size size) {
        insert("""
                select 'case', md5('case' || i)::uuid, 'CaseOpened',
                    jsonb_build_object('reference', 'B-' || i, 'customerId', md5('customer' || (1 + i % :customers))::uuid,
                        'subject', 'Case ' || i, 'priority', 'NORMAL',
                        'needId', case when i % 5 = 0 then null else md5('need' || (1 + floor(:needs * power((i * 0.618033) % 1, 3)))::int)::uuid end)
                from generate_series(1, cast(:n as int)) i
                """, size.cases(), size);
    }

    /**
     * Contacts on the cases, half of them replies, interleaved with case events: resolutions, assignments to one of
     * twenty agents, queueing to one of five teams, SLA breaches and notes. Written in slices of contacts (with
     * their share of the case events), {@code slice} from 0 to {@code slices - 1}, so that progress can be shown.
     */
    void work(Size size, int slice, int slices) {
        long from = (long) size.contacts() * slice / slices;
        long to = (long) size.contacts() * (slice + 1) / slices;
        insert("""
                select stream, id, type, payload from (
                    select j as position, 'contact' as stream, md5('contact' || j)::uuid as id, 'ContactRecorded' as type,
                        jsonb_build_object('caseId', md5('case' || (1 + j % :cases))::uuid,
                            'customerId', md5('customer' || (1 + (1 + j % :cases) % :customers))::uuid,
                            'channel', (array['EMAIL', 'PORTAL', 'CHAT', 'PHONE', 'SOCIAL', 'API'])[(1 + j % 6)::int],
                            'direction', case when (j / :cases) % 2 = 0 then 'INBOUND' else 'OUTBOUND' end,
                            'occurredAt', to_char((now() - make_interval(days => (((1 + j % :cases) * 37) % 365)::int,
                                hours => ((j / :cases) % 48)::int)) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
                            'subject', 'Synthetic contact', 'text', 'Synthetic contact') as payload
                    from generate_series(cast(:from as bigint) + 1, cast(:to as bigint)) j
                    union all
                    select e * :contacts / greatest(:events, 1), 'case', md5('case' || (1 + e % :cases))::uuid,
                        case when e % 10 = 0 then 'CaseStatusChanged' when e % 10 = 1 then 'CaseAssigned'
                            when e % 10 = 2 then 'CaseQueued' when e % 50 = 3 then 'SlaBreached'
                            else 'CaseNoteAdded' end,
                        case when e % 10 = 0 then jsonb_build_object('from', 'OPEN', 'to', 'RESOLVED')
                            when e % 10 = 1 then jsonb_build_object('assignee', 'agent' || (1 + e % :cases) % 20)
                            when e % 10 = 2 then jsonb_build_object('team',
                                (array['Tier 1', 'Tier 2', 'Engineering', 'Billing', 'Onboarding'])[(1 + (1 + e % :cases) % 5)::int])
                            when e % 50 = 3 then jsonb_build_object('policy', 'Standard')
                            else jsonb_build_object('kind', 'NOTE', 'body', 'checked') end
                    from generate_series(cast(:from as bigint) * :events / :contacts + 1,
                        cast(:to as bigint) * :events / :contacts) e) w
                order by position
                """, 0, size, Map.of("from", from, "to", to));
    }

    /** One case in ten has a survey answer, journaled as the survey records it. */
    void surveys(Size size) {
        insert("""
                select 'survey', md5('case' || i)::uuid, 'SatisfactionRated',
                    jsonb_build_object('caseId', md5('case' || i)::uuid, 'customerId', md5('customer' || (1 + i % :customers))::uuid,
                        'needId', '', 'team', (array['Tier 1', 'Tier 2', 'Engineering', 'Billing', 'Onboarding'])[1 + i % 5],
                        'agent', 'agent' || i % 20, 'score', 1 + (i * 7) % 5, 'comment', '', 'via', 'email')
                from generate_series(1, cast(:n as int), 10) i
                """, size.cases(), size, Map.of());
    }

    /** One contact in fifty is marked as feedback or a suggestion for the listening post. */
    void marks(Size size) {
        insert("""
                select 'contact', md5('contact' || j)::uuid, 'ContactMarked',
                    jsonb_build_object('kind', case when j % 100 = 0 then 'SUGGESTION' else 'FEEDBACK' end,
                        'excerpt', 'Synthetic contact ' || j)
                from generate_series(50, cast(:n as int), 50) j
                """, size.contacts(), size, Map.of());
    }

    /** The cases that waited in triage are linked to a need late, taking their counted work along. */
    void lateLinks(Size size) {
        insert("""
                select 'case', md5('case' || i)::uuid, 'CaseLinkedToNeed',
                    jsonb_build_object('needId', md5('need' || (1 + i % :needs))::uuid, 'previousNeedId', null,
                        'previousConfirmed', false, 'confirmed', true)
                from generate_series(5, cast(:n as int), 5) i
                """, size.cases(), size);
    }

    private void insert(String select, long n, Size size) {
        insert(select, n, size, Map.of());
    }

    private void insert(String select, long n, Size size, Map<String, Object> more) {
        JdbcClient.StatementSpec statement = jdbc.sql("insert into journal_event (stream, stream_id, type, actor, payload) "
                        + "select s.stream, s.id, s.type, 'benchmark', s.payload from (" + select
                        + ") s (stream, id, type, payload)")
                .param("n", n).param("organizations", size.organizations()).param("customers", size.customers())
                .param("needs", size.needs()).param("cases", size.cases()).param("contacts", size.contacts())
                .param("events", size.caseEvents());
        more.forEach(statement::param);
        statement.update();
    }
}

package io.repdesk.contact;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.Paging;
import io.repdesk.shared.Where;

/** Stores contacts in {@code contact_contact}; rows are only ever inserted. */
@Repository
class Contacts {

    private final JdbcClient jdbc;

    Contacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Serializes concurrent deliveries of the same key until the transaction ends. */
    void lockKey(String idempotencyKey) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(?, 7))").param(idempotencyKey).query().singleRow();
    }

    Optional<Contact> findByKey(String idempotencyKey) {
        return jdbc.sql("select * from contact_contact where idempotency_key = ?").param(idempotencyKey)
                .query(Contacts::contact).optional();
    }

    void insert(Contact c) {
        jdbc.sql("""
                insert into contact_contact (id, customer_id, case_id, channel, direction, occurred_at, subject, body,
                    author, idempotency_key, recorded_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(c.id().value(), c.customerId().value(), c.caseId().value(), c.channel().name(),
                        c.direction().name(), c.occurredAt().atOffset(ZoneOffset.UTC), c.subject(), c.body(),
                        c.author(), c.idempotencyKey(), c.recordedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<Contact> find(ContactId id) {
        return jdbc.sql("select * from contact_contact where id = ?").param(id.value()).query(Contacts::contact)
                .optional();
    }

    List<Contact> forCases(List<CaseId> ids) {
        return jdbc.sql("select * from contact_contact where case_id = any(?) order by occurred_at, recorded_at")
                .param(ids.stream().map(CaseId::value).toArray(java.util.UUID[]::new)).query(Contacts::contact)
                .list();
    }

    List<io.repdesk.casework.WeeklyCount> inboundPerWeek(List<CaseId> cases, java.time.Instant since) {
        return jdbc.sql("""
                select cast(date_trunc('week', occurred_at at time zone 'UTC') as date) as week, count(*) as contacts
                from contact_contact where case_id = any(?) and direction = 'INBOUND' and occurred_at >= ?
                group by 1 order by 1
                """)
                .params(cases.stream().map(CaseId::value).toArray(java.util.UUID[]::new),
                        since.atOffset(java.time.ZoneOffset.UTC))
                .query((rs, row) -> new io.repdesk.casework.WeeklyCount(rs.getObject("week", java.time.LocalDate.class),
                        rs.getLong("contacts")))
                .list();
    }

    Page<Contact> forCustomer(CustomerId id, PageRequest page) {
        return page(new ContactFilter(id, null, null, null, null, null), page);
    }

    Page<Contact> page(ContactFilter filter, PageRequest page) {
        Where where = new Where().equal("customer_id", filter.customerId()).equal("case_id", filter.caseId())
                .equal("channel", filter.channel()).equal("direction", filter.direction())
                .atLeast("occurred_at", filter.from()).before("occurred_at", filter.until());
        return Paging.page(jdbc, "contact_contact", where, "occurred_at desc, recorded_at desc, id", page,
                Contacts::contact);
    }

    private static Contact contact(ResultSet rs, int row) throws SQLException {
        return new Contact(new ContactId(rs.getObject("id", UUID.class)),
                new CustomerId(rs.getObject("customer_id", UUID.class)), new CaseId(rs.getObject("case_id", UUID.class)),
                Channel.valueOf(rs.getString("channel")), Direction.valueOf(rs.getString("direction")),
                rs.getObject("occurred_at", OffsetDateTime.class).toInstant(), rs.getString("subject"),
                rs.getString("body"), rs.getString("author"), rs.getString("idempotency_key"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant());
    }
}

package io.repdesk.casework;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/** Reads a need's cases and customer messages in bulk from {@code casework_case} and its activity. */
@Repository
class NeedHistories {

    private final JdbcClient jdbc;

    NeedHistories(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<NeedCase> cases(NeedId need) {
        return jdbc.sql("""
                select c.id, c.customer_id, c.opened_at, c.status, c.status_changed_at,
                    count(a.seq) filter (where a.kind = 'CUSTOMER_MESSAGE') as inbound,
                    count(a.seq) filter (where a.kind = 'AGENT_REPLY') as replies
                from casework_case c left join casework_case_activity a on a.case_id = c.id
                where c.need_id = ? and c.merged_into is null
                group by c.id order by c.opened_at, c.id
                """)
                .param(need.value())
                .query((rs, row) -> {
                    String status = rs.getString("status");
                    boolean done = status.equals("RESOLVED") || status.equals("CLOSED");
                    return new NeedCase(new CaseId(rs.getObject("id", UUID.class)),
                            new CustomerId(rs.getObject("customer_id", UUID.class)),
                            rs.getObject("opened_at", OffsetDateTime.class).toInstant(),
                            done ? rs.getObject("status_changed_at", OffsetDateTime.class).toInstant() : null,
                            rs.getInt("inbound"), rs.getInt("replies"));
                }).list();
    }

    List<NeedContact> contacts(NeedId need, Instant since) {
        return jdbc.sql("""
                select a.case_id, c.customer_id, a.at from casework_case_activity a
                join casework_case c on c.id = a.case_id
                where c.need_id = ? and c.merged_into is null and a.kind = 'CUSTOMER_MESSAGE' and a.at >= ?
                order by a.at
                """)
                .params(need.value(), since.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new NeedContact(new CaseId(rs.getObject("case_id", UUID.class)),
                        new CustomerId(rs.getObject("customer_id", UUID.class)),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }
}

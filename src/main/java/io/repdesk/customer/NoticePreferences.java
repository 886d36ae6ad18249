package io.repdesk.customer;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import io.repdesk.shared.CustomerId;

/** Which customers opted out of proactive notices, in {@code customer_notice_opt_out}. */
@Repository
class NoticePreferences {

    private final JdbcClient jdbc;

    NoticePreferences(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the choice; returns whether it changed anything. */
    boolean set(CustomerId id, boolean optedOut, Instant at) {
        if (optedOut) {
            return jdbc.sql("insert into customer_notice_opt_out (customer_id, opted_out_at) values (?, ?) "
                    + "on conflict do nothing").params(id.value(), at.atOffset(ZoneOffset.UTC)).update() > 0;
        }
        return jdbc.sql("delete from customer_notice_opt_out where customer_id = ?").param(id.value()).update() > 0;
    }

    boolean optedOut(CustomerId id) {
        return jdbc.sql("select exists (select 1 from customer_notice_opt_out where customer_id = ?)")
                .param(id.value()).query(Boolean.class).single();
    }

    Set<CustomerId> optedOut(Collection<CustomerId> among) {
        Set<CustomerId> found = new HashSet<>();
        if (among.isEmpty()) {
            return found;
        }
        jdbc.sql("select customer_id from customer_notice_opt_out where customer_id = any(?)")
                .param(among.stream().map(CustomerId::value).distinct().toArray(UUID[]::new))
                .query((rs, row) -> found.add(new CustomerId(rs.getObject(1, UUID.class)))).list();
        return found;
    }
}

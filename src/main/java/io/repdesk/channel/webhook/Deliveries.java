package io.repdesk.channel.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The webhook outbox, {@code channel_webhook_delivery}. Nodes claim due rows with {@code for update skip
 * locked} and push their next attempt past a lease, so no two nodes send one delivery at the same time; a
 * node that dies mid-send leaves the row to be claimed again once the lease runs out.
 */
@Repository
class Deliveries {

    private static final String COLUMNS = """
            d.id, d.subscription_id, d.event_id, d.event_type, d.payload, d.status, d.attempts, d.created_at,
            d.next_attempt_at, d.last_attempt_at, d.last_status_code, d.last_error, d.delivered_at
            """;

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A claimed delivery with what sending it takes. */
    record Claimed(Delivery delivery, UUID claim, String targetUrl, String secret) {
    }

    void insert(UUID id, UUID subscriptionId, UUID eventId, WebhookEventType type, String payload, Instant at) {
        jdbc.sql("""
                insert into channel_webhook_delivery (id, subscription_id, event_id, event_type, payload, status,
                    created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, 'PENDING', ?, ?)
                """)
                .params(id, subscriptionId, eventId, type.value(), payload, utc(at), utc(at))
                .update();
    }

    /** Claims up to {@code limit} due deliveries of active subscriptions until {@code leaseUntil}. */
    List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        UUID claim = UUID.randomUUID();
        return jdbc.sql("""
                with due as (
                    select d.id from channel_webhook_delivery d
                    join channel_webhook_subscription s on s.id = d.subscription_id and s.active
                    where d.status = 'PENDING' and d.next_attempt_at <= :now
                    order by d.next_attempt_at
                    limit :limit
                    for update of d skip locked
                ), claimed as (
                    update channel_webhook_delivery d set next_attempt_at = :leaseUntil, claim_id = :claim
                    from due where d.id = due.id
                    returning d.*
                )
                select %s, s.target_url, s.secret
                from claimed d join channel_webhook_subscription s on s.id = d.subscription_id
                """.formatted(COLUMNS))
                .param("now", utc(now))
                .param("leaseUntil", utc(leaseUntil))
                .param("claim", claim)
                .param("limit", limit)
                .query((rs, row) -> new Claimed(delivery(rs, row), claim, rs.getString("target_url"),
                        rs.getString("secret")))
                .list();
    }

    /** Records a 2xx answer, unless another node claimed the delivery since. */
    void delivered(UUID id, UUID claim, Instant at, int statusCode) {
        jdbc.sql("""
                update channel_webhook_delivery
                set status = 'DELIVERED', attempts = attempts + 1, last_attempt_at = :at, last_status_code = :code,
                    last_error = null, delivered_at = :at, claim_id = null
                where id = :id and claim_id = :claim
                """)
                .param("id", id).param("claim", claim).param("at", utc(at)).param("code", statusCode)
                .update();
    }

    /** Records a failed attempt and when to try again; no next attempt means the delivery failed for good. */
    void failed(UUID id, UUID claim, Instant at, @Nullable Integer statusCode, String error,
            @Nullable Instant nextAttemptAt) {
        jdbc.sql("""
                update channel_webhook_delivery
                set status = :status, attempts = attempts + 1, last_attempt_at = :at, last_status_code = :code,
                    last_error = :error, next_attempt_at = coalesce(cast(:next as timestamptz), next_attempt_at), claim_id = null
                where id = :id and claim_id = :claim
                """)
                .param("id", id).param("claim", claim).param("at", utc(at)).param("code", statusCode)
                .param("error", error).param("next", nextAttemptAt == null ? null : utc(nextAttemptAt))
                .param("status", nextAttemptAt == null ? "FAILED" : "PENDING")
                .update();
    }

    /** Makes a delivery due now with a fresh retry schedule, whatever became of it before. */
    boolean requeue(UUID id, Instant now) {
        return jdbc.sql("""
                update channel_webhook_delivery
                set status = 'PENDING', attempts = 0, next_attempt_at = ?, claim_id = null, delivered_at = null
                where id = ?
                """)
                .params(utc(now), id).update() > 0;
    }

    /** Deletes finished deliveries created before the moment; pending ones stay whatever their age. */
    int deleteFinishedBefore(Instant before) {
        return jdbc.sql("delete from channel_webhook_delivery where status <> 'PENDING' and created_at < ?")
                .param(utc(before)).update();
    }

    Optional<Delivery> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel_webhook_delivery d where d.id = ?").param(id)
                .query(Deliveries::delivery).optional();
    }

    /** A subscription's newest deliveries first. */
    List<Delivery> recent(UUID subscriptionId, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                 from channel_webhook_delivery d where d.subscription_id = ?
                order by d.created_at desc, d.id limit ?
                """)
                .params(subscriptionId, limit).query(Deliveries::delivery).list();
    }

    private static Delivery delivery(ResultSet rs, int row) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("subscription_id", UUID.class),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getString("payload"),
                Delivery.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
                instant(rs, "created_at"), instant(rs, "next_attempt_at"), nullableInstant(rs, "last_attempt_at"),
                rs.getObject("last_status_code", Integer.class), rs.getString("last_error"),
                nullableInstant(rs, "delivered_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static @Nullable Instant nullableInstant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}

package io.repdesk.channel.webhook;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores webhook subscriptions, with their signing secrets, in {@code channel_webhook_subscription}. */
@Repository
class Subscriptions {

    private static final String COLUMNS =
            "id, target_url, description, event_types, active, created_by, created_at, updated_at";

    private final JdbcClient jdbc;

    Subscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Subscription s, String secret) {
        jdbc.sql("""
                insert into channel_webhook_subscription (id, target_url, description, event_types, secret, active,
                    created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
                .params(s.id(), s.targetUrl(), s.description(), names(s.eventTypes()), secret, s.active(),
                        s.createdBy(), s.createdAt().atOffset(ZoneOffset.UTC), s.updatedAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    void update(Subscription s) {
        jdbc.sql("""
                update channel_webhook_subscription
                set target_url = ?, description = ?, event_types = ?, active = ?, updated_at = ?
                where id = ?
                """)
                .params(s.targetUrl(), s.description(), names(s.eventTypes()), s.active(),
                        s.updatedAt().atOffset(ZoneOffset.UTC), s.id())
                .update();
    }

    void replaceSecret(UUID id, String secret, Instant at) {
        jdbc.sql("update channel_webhook_subscription set secret = ?, updated_at = ? where id = ?")
                .params(secret, at.atOffset(ZoneOffset.UTC), id).update();
    }

    Optional<Subscription> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from channel_webhook_subscription where id = ?").param(id)
                .query(Subscriptions::subscription).optional();
    }

    /** Active ones first, then by address. */
    List<Subscription> all() {
        return jdbc.sql("select " + COLUMNS + " from channel_webhook_subscription order by active desc, target_url, id")
                .query(Subscriptions::subscription).list();
    }

    /** The ids of the active subscriptions that asked for the event type. */
    List<UUID> subscribedTo(WebhookEventType type) {
        return jdbc.sql("select id from channel_webhook_subscription where active and ? = any(event_types)")
                .param(type.value()).query(UUID.class).list();
    }

    private static String[] names(Set<WebhookEventType> types) {
        return types.stream().map(WebhookEventType::value).sorted().toArray(String[]::new);
    }

    private static Subscription subscription(ResultSet rs, int row) throws SQLException {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : (String[]) rs.getArray("event_types").getArray()) {
            WebhookEventType.named(name).ifPresent(types::add);
        }
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("target_url"),
                rs.getString("description"), types, rs.getBoolean("active"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

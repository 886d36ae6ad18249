package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.WebhookReceiver;
import io.repdesk.channel.webhook.WebhookDispatcher;
import io.repdesk.channel.webhook.WebhookSignature;
import io.repdesk.security.ApiScope;
import io.repdesk.security.ApiTokenManagement;
import io.repdesk.security.NewApiToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Webhook subscriptions managed over the API with a token, and events caused by another token delivered. */
@RepdeskIntegrationTest
class WebhookApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    io.repdesk.prevent.PreventManagement prevent;

    @Autowired
    io.repdesk.need.NeedManagement needs;

    ApiClient manager;
    ApiClient chat;
    WebhookReceiver receiver;

    @BeforeEach
    void setUp() {
        manager = token(ApiScope.WEBHOOKS_MANAGE);
        chat = token(ApiScope.CONTACTS_WRITE, ApiScope.CUSTOMERS_WRITE);
        receiver = WebhookReceiver.answering();
    }

    @AfterEach
    void tearDown() {
        receiver.close();
    }

    @Test
    void anIntegrationSubscribesAndReceivesTheCaseOpenedByAnotherIntegrationsContact() {
        var created = manager.post("/api/v1/webhooks", Map.of("targetUrl", receiver.url(),
                "description", "CRM", "eventTypes", List.of("case.opened")));
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().path("subscription").path("id").asString();
        String secret = created.text("secret");
        assertThat(secret).startsWith("whsec_");
        assertThat(manager.get("/api/v1/webhooks/" + id).body().has("secret")).isFalse();
        assertThat(manager.get("/api/v1/webhooks").body().findValuesAsString("id")).contains(id);

        var customer = chat.post("/api/v1/customers", Map.of("name", "Hook Person",
                "email", "hook-" + UUID.randomUUID() + "@example.test"));
        var contact = chat.post("/api/v1/contacts", Map.of("customerId", customer.text("id"), "channel", "SOCIAL",
                "subject", "DM: app crashes", "body", "Your app crashes when I open settings",
                "idempotencyKey", "dm-" + UUID.randomUUID()));
        assertThat(contact.status()).isEqualTo(201);
        String caseId = contact.body().path("contact").path("caseId").asString();
        awaitDeliveries(id, 1);
        dispatcher.dispatchDue();

        WebhookReceiver.Received received = receiver.received().getFirst();
        JsonNode event = json.readTree(received.body());
        assertThat(event.path("type").asString()).isEqualTo("case.opened");
        assertThat(event.path("data").path("caseId").asString()).isEqualTo(caseId);
        assertThat(WebhookSignature.verify(secret, received.signature(), received.body(), Instant.now(),
                Duration.ofMinutes(5))).isTrue();
        JsonNode delivery = manager.get("/api/v1/webhooks/" + id + "/deliveries").body().get(0);
        assertThat(delivery.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
        assertThat(delivery.path("id").asString()).isEqualTo(received.delivery());
        assertThat(delivery.path("payload").asString()).isEqualTo(received.body());

        String rotated = manager.post("/api/v1/webhooks/" + id + "/secret", Map.of()).text("secret");
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        var again = manager.post("/api/v1/webhooks/" + id + "/deliveries/" + received.delivery() + "/retry", Map.of());
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.text("status")).isEqualTo("PENDING");
        dispatcher.dispatchDue();
        WebhookReceiver.Received resent = receiver.received().getLast();
        assertThat(resent.delivery()).isEqualTo(received.delivery());
        assertThat(WebhookSignature.verify(rotated, resent.signature(), resent.body(), Instant.now(),
                Duration.ofMinutes(5))).isTrue();
        assertThat(WebhookSignature.verify(secret, resent.signature(), resent.body(), Instant.now(),
                Duration.ofMinutes(5))).isFalse();
    }

    @Test
    void aTestEventIsRefusedForAnInactiveSubscriptionAndSentOnceActive() {
        String id = manager.post("/api/v1/webhooks", Map.of("targetUrl", receiver.url(),
                "eventTypes", List.of("need.defined"), "active", false)).body().path("subscription").path("id")
                .asString();

        var refused = manager.post("/api/v1/webhooks/" + id + "/test", Map.of());
        assertThat(refused.status()).isEqualTo(409);

        var changed = manager.put("/api/v1/webhooks/" + id, Map.of("targetUrl", receiver.url(),
                "description", "now active", "eventTypes", List.of("need.defined", "need.merged"), "active", true));
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().path("eventTypes").toString()).contains("need.defined", "need.merged");
        var test = manager.post("/api/v1/webhooks/" + id + "/test", Map.of());
        assertThat(test.status()).isEqualTo(202);
        assertThat(test.text("eventType")).isEqualTo("webhook.test");
        dispatcher.dispatchDue();

        assertThat(receiver.received()).extracting(WebhookReceiver.Received::event).containsExactly("webhook.test");
    }

    @Test
    void aHandOffToEngineeringSendsTheEvidenceSummaryWithLinks() {
        String id = manager.post("/api/v1/webhooks", Map.of("targetUrl", receiver.url(), "description", "Tracker",
                "eventTypes", List.of("need.handed_off"))).body().path("subscription").path("id").asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        var need = needs.define(new io.repdesk.need.NewNeed("handed_" + suffix, "Exports time out " + suffix, "",
                io.repdesk.need.DemandClass.VALUE_ERODING, null));

        prevent.handOff(need.id(), "eli.engineer", "https://issues.example.com/EXP-" + suffix);
        awaitDeliveries(id, 1);
        dispatcher.dispatchDue();

        JsonNode event = json.readTree(receiver.received().getFirst().body());
        assertThat(event.path("type").asString()).isEqualTo("need.handed_off");
        JsonNode data = event.path("data");
        assertThat(data.path("needId").asString()).isEqualTo(need.id().toString());
        assertThat(data.path("stage").asString()).isEqualTo("PREVENT");
        assertThat(data.path("owner").asString()).isEqualTo("eli.engineer");
        assertThat(data.path("issueUrl").asString()).isEqualTo("https://issues.example.com/EXP-" + suffix);
        assertThat(data.path("cases").asLong()).isZero();
        assertThat(data.path("overrepresented").isArray()).isTrue();
        assertThat(data.path("links").path("evidence").asString()).isEqualTo("/needs/" + need.id() + "/evidence");
        assertThat(data.path("links").path("evidenceApi").asString())
                .isEqualTo("/api/v1/needs/" + need.id() + "/evidence");
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        assertThat(field(manager.post("/api/v1/webhooks", body("ftp://example.com/x", List.of("case.opened")))))
                .isEqualTo("targetUrl");
        assertThat(field(manager.post("/api/v1/webhooks", body(receiver.url(), List.of("case.opened", "case.closed")))))
                .isEqualTo("eventTypes[1]");
        assertThat(field(manager.post("/api/v1/webhooks", body(receiver.url(), List.of("webhook.test")))))
                .isEqualTo("eventTypes[0]");
        assertThat(field(manager.post("/api/v1/webhooks", body(receiver.url(), List.of())))).isEqualTo("eventTypes");
        assertThat(manager.get("/api/v1/webhooks/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void managingWebhooksTakesItsOwnScope() {
        var refused = chat.post("/api/v1/webhooks", body(receiver.url(), List.of("case.opened")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("scope")).isEqualTo("webhooks:manage");
    }

    private Map<String, Object> body(String url, List<String> types) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("targetUrl", url);
        body.put("eventTypes", types);
        return body;
    }

    private static String field(ApiClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.body().path("errors").get(0).path("field").asString();
    }

    private ApiClient token(ApiScope... scopes) {
        var issued = tokens.issue(new NewApiToken("webhook-api-" + UUID.randomUUID().toString().substring(0, 8),
                EnumSet.copyOf(List.of(scopes)), null));
        return new ApiClient(port, json, "Bearer " + issued.value());
    }

    /** Deliveries are queued once the event's transaction commits; wait for them, with a deadline. */
    private void awaitDeliveries(String subscriptionId, int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (manager.get("/api/v1/webhooks/" + subscriptionId + "/deliveries").body().size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no delivery was queued for subscription " + subscriptionId);
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }
}

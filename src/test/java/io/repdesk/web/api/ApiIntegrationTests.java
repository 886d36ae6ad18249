package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RepdeskIntegrationTest
class ApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    Journal journal;

    ApiClient api;

    /** Shapes needs and configures support, which a tier-1 agent may not. */
    ApiClient manager;

    @BeforeEach
    void setUp() {
        api = ApiClient.asAgent(port, json);
        manager = ApiClient.as(port, json, "manager");
    }

    @Test
    void recordsAContactThatOpensACaseAndLinksItToANeed() {
        String customerId = newCustomer();
        var need = manager.post("/api/v1/needs", Map.of("key", "statement-download-" + suffix(),
                "title", "I can't download my statement", "demandClass", "VALUE_ERODING"));
        assertThat(need.status()).isEqualTo(201);
        assertThat(need.text("stage")).isEqualTo("RESPOND");

        var recorded = api.post("/api/v1/contacts", contact(customerId, "Statement download fails"));
        assertThat(recorded.status()).isEqualTo(201);
        assertThat(recorded.body().path("duplicate").asBoolean()).isFalse();
        String caseId = recorded.body().path("contact").path("caseId").asString();

        var inTriage = api.get("/api/v1/cases/" + caseId);
        assertThat(inTriage.status()).isEqualTo(200);
        assertThat(inTriage.body().path("needId").isNull()).isTrue();
        assertThat(inTriage.body().path("contacts").size()).isEqualTo(1);
        assertThat(inTriage.text("reference")).startsWith("RD-");

        var linked = api.put("/api/v1/cases/" + caseId + "/need", Map.of("needId", need.text("id")));
        assertThat(linked.status()).isEqualTo(200);
        assertThat(linked.text("needId")).isEqualTo(need.text("id"));
        assertThat(linked.text("needLinkedBy")).isEqualTo("agent");

        List<JournalEntry> history = journal.forStream("case", UUID.fromString(caseId));
        assertThat(history).extracting(JournalEntry::type).containsExactly("CaseOpened", "CaseLinkedToNeed");
        assertThat(history.getLast().actor()).isEqualTo("agent");
    }

    @Test
    void aCaseCanBeDeclaredANewNeedAndAnUnlinkedOneCannotBeConfirmed() {
        String customerId = newCustomer();
        String caseId = api.post("/api/v1/contacts", contact(customerId, "The kiosk printer eats my receipts"))
                .body().path("contact").path("caseId").asString();

        var cannotConfirm = api.post("/api/v1/cases/" + caseId + "/need/confirm", Map.of());
        assertThat(cannotConfirm.status()).isEqualTo(400);
        assertThat(field(cannotConfirm)).isEqualTo("needId");
        assertThat(api.get("/api/v1/cases/" + caseId).body().has("match")).isTrue();

        var declared = api.post("/api/v1/cases/" + caseId + "/new-need",
                Map.of("title", "The kiosk printer eats my receipts"));
        assertThat(declared.status()).isEqualTo(200);
        assertThat(declared.body().path("needConfirmed").asBoolean()).isTrue();
        assertThat(declared.text("needLinkedBy")).isEqualTo("agent");
        var need = api.get("/api/v1/needs/" + declared.text("needId"));
        assertThat(need.text("title")).isEqualTo("The kiosk printer eats my receipts");

        assertThat(field(api.post("/api/v1/cases/" + caseId + "/new-need", Map.of("title", " ")))).isEqualTo("title");
    }

    @Test
    void aRepeatedDeliveryIsStoredOnce() {
        String customerId = newCustomer();
        Map<String, Object> body = contact(customerId, "Card declined at the shop");
        body.put("idempotencyKey", "chat-" + suffix());

        var first = api.post("/api/v1/contacts", body);
        var second = api.post("/api/v1/contacts", body);

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().path("duplicate").asBoolean()).isTrue();
        assertThat(second.body().path("contact").path("id").asString())
                .isEqualTo(first.body().path("contact").path("id").asString());
        assertThat(timelineTotal(customerId)).isEqualTo(1);
        assertThat(api.get("/api/v1/cases?customerId=" + customerId).body().path("total").asLong()).isEqualTo(1);
    }

    @Test
    void theIdempotencyKeyHeaderWorksLikeTheBodyField() {
        String customerId = newCustomer();
        String key = "webhook-" + suffix();
        HttpRequest.Builder request = api.request("/api/v1/contacts").header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(contact(customerId, "Hello"))));

        assertThat(api.send(request).status()).isEqualTo(201);
        assertThat(api.send(request).status()).isEqualTo(200);
        assertThat(timelineTotal(customerId)).isEqualTo(1);
    }

    @Test
    void aMissingFieldIsNamedAndNothingIsStored() {
        String customerId = newCustomer();
        Map<String, Object> body = contact(customerId, "ignored");
        body.remove("subject");

        var reply = api.post("/api/v1/contacts", body);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("errors").get(0).path("field").asString()).isEqualTo("subject");
        assertThat(reply.body().path("errors").get(0).path("reason").asString()).isNotBlank();
        assertThat(timelineTotal(customerId)).isZero();
    }

    @Test
    void aWrongTypeIsNamedWithWhatWasExpected() {
        String customerId = newCustomer();
        Map<String, Object> body = contact(customerId, "Pigeon post");
        body.put("channel", "PIGEON");

        var wrongEnum = api.post("/api/v1/contacts", body);
        assertThat(wrongEnum.status()).isEqualTo(400);
        assertThat(field(wrongEnum)).isEqualTo("channel");
        assertThat(wrongEnum.body().path("detail").asString()).contains("EMAIL");

        body.put("channel", "EMAIL");
        body.put("occurredAt", "yesterday");
        var wrongTime = api.post("/api/v1/contacts", body);
        assertThat(wrongTime.status()).isEqualTo(400);
        assertThat(field(wrongTime)).isEqualTo("occurredAt");

        body.put("occurredAt", "2026-11-01T10:00:00Z");
        body.put("customerId", "not-an-id");
        var wrongId = api.post("/api/v1/contacts", body);
        assertThat(wrongId.status()).isEqualTo(400);
        assertThat(field(wrongId)).isEqualTo("customerId");
        assertThat(timelineTotal(customerId)).isZero();
    }

    @Test
    void unreadableJsonAndUnknownFieldsAreRejected() {
        var broken = manager.post("/api/v1/needs", "{\"key\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(field(broken)).isEqualTo("body");

        var unknown = manager.post("/api/v1/needs", "{\"key\":\"k-" + suffix() + "\",\"title\":\"T\",\"colour\":\"red\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(field(unknown)).isEqualTo("colour");
    }

    @Test
    void unknownIdsAnswer404AndStoreNothing() {
        var missingCase = api.get("/api/v1/cases/" + UUID.randomUUID());
        assertThat(missingCase.status()).isEqualTo(404);
        assertThat(missingCase.contentType()).startsWith("application/problem+json");

        long contactsBefore = journal.after(0, Integer.MAX_VALUE).size();
        var unknownCustomer = api.post("/api/v1/contacts", contact(UUID.randomUUID().toString(), "Who am I"));
        assertThat(unknownCustomer.status()).isEqualTo(404);
        assertThat(unknownCustomer.text("field")).isEqualTo("customerId");
        assertThat(journal.after(0, Integer.MAX_VALUE)).hasSize((int) contactsBefore);

        var badPath = api.get("/api/v1/needs/not-a-uuid");
        assertThat(badPath.status()).isEqualTo(400);
        assertThat(field(badPath)).isEqualTo("id");
    }

    @Test
    void aContactCannotJoinAnotherCustomersCase() {
        String alice = newCustomer();
        String bob = newCustomer();
        String aliceCase = api.post("/api/v1/contacts", contact(alice, "Mine")).body().path("contact")
                .path("caseId").asString();
        Map<String, Object> intruding = contact(bob, "Not mine");
        intruding.put("caseId", aliceCase);

        var reply = api.post("/api/v1/contacts", intruding);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(field(reply)).isEqualTo("caseId");
        assertThat(timelineTotal(bob)).isZero();
    }

    @Test
    void oversizeBodiesAnswer413WhetherTheLengthIsDeclaredOrNot() {
        String customerId = newCustomer();
        Map<String, Object> body = contact(customerId, "Huge");
        body.put("body", "x".repeat(2 * 1024 * 1024));
        byte[] bytes = json.writeValueAsBytes(body);

        var declared = api.send(api.request("/api/v1/contacts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        var chunked = api.send(api.request("/api/v1/contacts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));

        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.text("field")).isEqualTo("body");
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(timelineTotal(customerId)).isZero();
    }

    @Test
    void aChunkedBodyUnderTheLimitIsAccepted() {
        String customerId = newCustomer();
        byte[] bytes = json.writeValueAsBytes(contact(customerId, "Streamed"));

        var reply = api.send(api.request("/api/v1/contacts").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));

        assertThat(reply.status()).isEqualTo(201);
    }

    @Test
    void listsPageAndFilter() {
        var firstPage = api.get("/api/v1/cases?size=5&page=0");
        assertThat(firstPage.body().path("items").size()).isEqualTo(5);
        assertThat(firstPage.body().path("hasNext").asBoolean()).isTrue();

        var triage = api.get("/api/v1/cases?triage=true&open=true&size=200");
        assertThat(triage.body().path("total").asLong()).isPositive();
        for (JsonNode c : triage.body().path("items")) {
            assertThat(c.path("needId").isNull()).isTrue();
            assertThat(c.path("status").asString()).isNotIn("RESOLVED", "CLOSED");
        }

        var android = api.get("/api/v1/customers?platform=Android&size=200");
        assertThat(android.body().path("items").size()).isPositive();
        for (JsonNode c : android.body().path("items")) {
            assertThat(c.path("environment").path("platform").asString()).isEqualTo("Android");
        }

        var chats = api.get("/api/v1/contacts?channel=CHAT&direction=INBOUND&from=2026-10-01T00:00:00Z&size=200");
        assertThat(chats.body().path("items").size()).isPositive();
        for (JsonNode c : chats.body().path("items")) {
            assertThat(c.path("channel").asString()).isEqualTo("CHAT");
            assertThat(c.path("occurredAt").asString()).isGreaterThanOrEqualTo("2026-10-01");
        }
        assertThat(field(api.get("/api/v1/contacts?from=last-week"))).isEqualTo("from");

        var respond = api.get("/api/v1/needs?stage=RESPOND&size=1");
        assertThat(respond.body().path("total").asLong()).isGreaterThan(50);

        assertThat(field(api.get("/api/v1/cases?size=0"))).isEqualTo("size");
        assertThat(field(api.get("/api/v1/cases?size=5000"))).isEqualTo("size");
        assertThat(field(api.get("/api/v1/cases?status=LOST"))).isEqualTo("status");
    }

    @Test
    void theApiNeedsSignInAndSaysSoAsAProblem() {
        var reply = api.anonymous().get("/api/v1/needs");
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.body().path("status").asInt()).isEqualTo(401);
    }

    @Test
    void publishesTheOpenApiDocumentAndHealth() {
        var docs = api.anonymous().get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/contacts")).isTrue();
        assertThat(docs.body().path("paths").has("/api/v1/cases/{id}/need")).isTrue();

        var health = api.anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.text("status")).isEqualTo("UP");
    }

    @Test
    void aDuplicateNeedKeyIsAConflict() {
        String key = "duplicate-" + suffix();
        assertThat(manager.post("/api/v1/needs", Map.of("key", key, "title", "First")).status()).isEqualTo(201);
        var again = manager.post("/api/v1/needs", Map.of("key", key, "title", "Second"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.contentType()).startsWith("application/problem+json");
    }

    @Test
    void slaCalendarsAndPoliciesAreDefinedAndACaseShowsItsClocks() {
        String plan = "Business";
        var calendar = manager.post("/api/v1/calendars", Map.of("name", "Support desk " + suffix(), "zone", "Europe/Berlin",
                "hours", Map.of("MONDAY", List.of("09:00-17:00"), "TUESDAY", List.of("09:00-17:00")),
                "specialDays", Map.of("2026-12-24", List.of("09:00-12:00"), "2026-12-25", List.of())));
        assertThat(calendar.status()).isEqualTo(201);
        assertThat(calendar.body().path("hours").path("MONDAY").get(0).asString()).isEqualTo("09:00-17:00");
        var policy = manager.post("/api/v1/sla-policies", Map.of("name", "Business plan " + suffix(), "kind", "FORMAL",
                "rank", -100, "calendarId", calendar.text("id"), "firstResponseMinutes", 240, "resolutionMinutes", 2400,
                "warningMinutes", 60, "plan", plan));
        assertThat(policy.status()).isEqualTo(201);
        assertThat(policy.body().path("pauseIn").get(0).asString()).isEqualTo("WAITING_ON_CUSTOMER");

        String caseId = api.post("/api/v1/contacts", contact(newCustomer(), "Dashboard shows no data")).body()
                .path("contact").path("caseId").asString();
        var sla = api.get("/api/v1/cases/" + caseId + "/sla");

        assertThat(sla.status()).isEqualTo(200);
        assertThat(sla.body().path("policies").get(0).path("policyId").asString()).isEqualTo(policy.text("id"));
        assertThat(sla.body().path("policies").get(0).path("clocks").findValuesAsString("target"))
                .contains("FIRST_RESPONSE", "RESOLUTION");
        assertThat(journal.forStream("sla-policy", UUID.fromString(policy.text("id")))).extracting(JournalEntry::type)
                .containsExactly("SlaPolicyDefined");
    }

    @Test
    void badSlaConfigurationIsRefusedNamingTheField() {
        var overlap = manager.post("/api/v1/calendars", Map.of("name", "Overlap " + suffix(), "zone", "Europe/Berlin",
                "hours", Map.of("MONDAY", List.of("09:00-13:00", "12:00-17:00"))));
        assertThat(field(overlap)).isEqualTo("weeklyHours");
        assertThat(overlap.body().path("errors").get(0).path("reason").asString()).contains("MONDAY");
        var zone = manager.post("/api/v1/calendars", Map.of("name", "Zone " + suffix(), "zone", "Atlantis/Capital",
                "hours", Map.of("MONDAY", List.of("09:00-17:00"))));
        assertThat(field(zone)).isEqualTo("zone");
        var calendar = manager.post("/api/v1/calendars", Map.of("name", "Fine " + suffix(), "zone", "UTC",
                "hours", Map.of("MONDAY", List.of("00:00-24:00"))));
        var noTarget = manager.post("/api/v1/sla-policies", Map.of("name", "Empty " + suffix(), "kind", "INFORMAL",
                "rank", 1, "calendarId", calendar.text("id")));
        assertThat(field(noTarget)).isEqualTo("targets");
        var unknownCalendar = manager.post("/api/v1/sla-policies", Map.of("name", "Lost " + suffix(), "kind", "INFORMAL",
                "rank", 1, "calendarId", UUID.randomUUID().toString(), "firstResponseMinutes", 60));
        assertThat(field(unknownCalendar)).isEqualTo("calendarId");
    }

    @Test
    void teamsAndRulesAreDefinedAndACaseIsEscalatedWithItsRecord() {
        var team = manager.post("/api/v1/teams", Map.of("name", "Payments line two " + suffix(), "tier", "TIER_2",
                "assignment", "ROUND_ROBIN", "members", List.of(Map.of("agent", "agent", "available", true))));
        assertThat(team.status()).isEqualTo(201);
        var rule = manager.post("/api/v1/escalation-rules", Map.of("name", "Triage too long " + suffix(), "trigger",
                "NEED_UNKNOWN", "needUnknownHours", 4, "toTier", "TIER_2", "toTeamId", team.text("id"), "mandatory",
                false, "rank", 5));
        assertThat(rule.status()).isEqualTo(201);
        assertThat(field(manager.post("/api/v1/escalation-rules", Map.of("name", "No target " + suffix(), "trigger",
                "SLA_BREACH", "rank", 1)))).isEqualTo("toTier");

        String caseId = api.post("/api/v1/contacts", contact(newCustomer(), "Refund stuck")).body().path("contact")
                .path("caseId").asString();
        assertThat(field(api.post("/api/v1/cases/" + caseId + "/escalations", Map.of("toTeamId", team.text("id")))))
                .isEqualTo("reason");
        var escalated = api.post("/api/v1/cases/" + caseId + "/escalations", Map.of("toTeamId", team.text("id"),
                "reason", "Refunds need the payments team"));

        assertThat(escalated.status()).isEqualTo(200);
        assertThat(escalated.text("tier")).isEqualTo("TIER_2");
        var record = api.get("/api/v1/cases/" + caseId + "/escalations");
        assertThat(record.body().get(0).path("reason").asString()).isEqualTo("Refunds need the payments team");
        assertThat(record.body().get(0).path("assignee").asString()).isEqualTo("agent");
        assertThat(record.body().get(0).path("by").asString()).isEqualTo("agent");
    }

    @Test
    void aDuplicateCaseIsMergedIntoAnotherOfTheSameCustomer() {
        String customerId = newCustomer();
        String kept = api.post("/api/v1/contacts", contact(customerId, "Cannot log in")).body().path("contact")
                .path("caseId").asString();
        String duplicate = api.post("/api/v1/contacts", contact(customerId, "Login broken")).body().path("contact")
                .path("caseId").asString();
        String stranger = api.post("/api/v1/contacts", contact(newCustomer(), "Login broken here too")).body()
                .path("contact").path("caseId").asString();

        assertThat(field(api.post("/api/v1/cases/" + stranger + "/merge", Map.of("intoId", kept)))).isEqualTo("into");
        var merged = api.post("/api/v1/cases/" + duplicate + "/merge", Map.of("intoId", kept));

        assertThat(merged.status()).isEqualTo(200);
        assertThat(merged.body().path("contacts").size()).isEqualTo(2);
        assertThat(api.get("/api/v1/cases/" + duplicate).text("status")).isEqualTo("CLOSED");
    }

    private String newCustomer() {
        var org = api.post("/api/v1/organizations", Map.of("name", "Test Org " + suffix(), "plan", "Business"));
        assertThat(org.status()).isEqualTo(201);
        var customer = api.post("/api/v1/customers", Map.of("organizationId", org.text("id"), "name", "Test Person",
                "email", "person-" + suffix() + "@example.test",
                "environment", Map.of("product", "Lumen app", "version", "5.2", "platform", "Android",
                        "attributes", Map.of("device", "Pixel 8"))));
        assertThat(customer.status()).isEqualTo(201);
        return customer.text("id");
    }

    private static Map<String, Object> contact(String customerId, String subject) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("channel", "EMAIL");
        body.put("occurredAt", "2026-11-01T10:00:00Z");
        body.put("subject", subject);
        body.put("body", "Something is wrong: " + subject);
        return body;
    }

    private long timelineTotal(String customerId) {
        return api.get("/api/v1/customers/" + customerId + "/timeline").body().path("total").asLong();
    }

    private static String field(ApiClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.body().path("errors").get(0).path("field").asString();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The audit endpoints: who changed what and when, with the values before and after, newest first, paged. */
@RepdeskIntegrationTest
class AuditApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    ApiClient agent;
    ApiClient manager;
    ApiClient accountManager;

    @BeforeEach
    void setUp() {
        agent = ApiClient.asAgent(port, json);
        manager = ApiClient.as(port, json, "manager");
        accountManager = ApiClient.as(port, json, "ari.accounts");
    }

    @Test
    void aCasesAuditListsItsChangesAndContactsWithWhoAndBeforeAndAfter() {
        String customerId = agent.post("/api/v1/customers", Map.of("name", "Audit Person", "email",
                "audit-" + suffix() + "@example.test")).text("id");
        String caseId = agent.post("/api/v1/contacts", Map.of("customerId", customerId, "channel", "API",
                "subject", "Card declined abroad", "body", "My card is declined in Spain.")).body().path("contact")
                .path("caseId").asString();
        assertThat(agent.post("/api/v1/cases/" + caseId + "/status", Map.of("status", "WAITING_ON_CUSTOMER"))
                .status()).isEqualTo(200);

        var audit = accountManager.get("/api/v1/cases/" + caseId + "/audit");

        assertThat(audit.status()).isEqualTo(200);
        List<String> types = new ArrayList<>();
        audit.body().path("items").forEach(e -> types.add(e.path("type").asString()));
        assertThat(types).startsWith("CaseStatusChanged").contains("ContactRecorded", "CaseOpened");
        JsonNode statusChange = audit.body().path("items").get(0);
        assertThat(statusChange.path("actor").asString()).isEqualTo("agent");
        assertThat(statusChange.path("changes").get(0).path("field").asString()).isEqualTo("status");
        assertThat(statusChange.path("changes").get(0).path("after").asString()).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(statusChange.path("changes").get(0).path("before").asString()).isNotBlank();

        var firstPage = accountManager.get("/api/v1/cases/" + caseId + "/audit?size=1");
        assertThat(firstPage.body().path("total").asLong()).isEqualTo(types.size());
        assertThat(firstPage.body().path("hasNext").asBoolean()).isTrue();

        var customerAudit = accountManager.get("/api/v1/customers/" + customerId + "/audit");
        List<String> customerTypes = new ArrayList<>();
        customerAudit.body().path("items").forEach(e -> customerTypes.add(e.path("type").asString()));
        assertThat(customerTypes).contains("CustomerRegistered", "CaseOpened", "ContactRecorded",
                "CaseStatusChanged");
    }

    @Test
    void aNeedsAuditShowsItsStageChangeAndAPolicyChangeRecordsTheValuesBefore() {
        String needId = manager.post("/api/v1/needs", Map.of("key", "audit-" + suffix(), "title", "Audited need"))
                .text("id");
        assertThat(manager.post("/api/v1/needs/" + needId + "/stage", Map.of("stage", "PREVENT")).status())
                .isEqualTo(200);

        JsonNode change = agent.get("/api/v1/needs/" + needId + "/audit").body().path("items").get(0);
        assertThat(change.path("type").asString()).isEqualTo("NeedStageChanged");
        assertThat(change.path("actor").asString()).isEqualTo("manager");
        assertThat(change.path("changes").get(0).path("field").asString()).isEqualTo("stage");
        assertThat(change.path("changes").get(0).path("before").asString()).isEqualTo("RESPOND");
        assertThat(change.path("changes").get(0).path("after").asString()).isEqualTo("PREVENT");

        String calendarId = manager.post("/api/v1/calendars", Map.of("name", "Audit hours " + suffix(), "zone", "UTC",
                "hours", Map.of("MONDAY", List.of("09:00-17:00")))).text("id");
        // a plan no customer has: the policy must not apply to the cases of other tests
        Map<String, Object> policy = Map.of("name", "Audit policy " + suffix(), "kind", "INFORMAL", "rank", 500,
                "calendarId", calendarId, "firstResponseMinutes", 60, "plan", "audit-plan-" + suffix());
        String policyId = manager.post("/api/v1/sla-policies", policy).text("id");
        Map<String, Object> changed = new java.util.HashMap<>(policy);
        changed.put("firstResponseMinutes", 90);
        assertThat(manager.put("/api/v1/sla-policies/" + policyId, changed).status()).isEqualTo(200);

        assertThat(journalPayloadOf("sla-policy", policyId, "SlaPolicyChanged").path("before").path("targets")
                .asString()).isEqualTo("{FIRST_RESPONSE=PT1H}");

        Map<String, Object> team = Map.of("name", "Audit team " + suffix(), "tier", "TIER_2", "assignment", "MANUAL",
                "members", List.of(Map.of("agent", "sam.tier2", "available", true)));
        String teamId = manager.post("/api/v1/teams", team).text("id");
        Map<String, Object> renamed = new java.util.HashMap<>(team);
        renamed.put("assignment", "ROUND_ROBIN");
        assertThat(manager.put("/api/v1/teams/" + teamId, renamed).status()).isEqualTo(200);
        JsonNode teamChange = journalPayloadOf("team", teamId, "TeamChanged");
        assertThat(teamChange.path("before").path("assignment").asString()).isEqualTo("MANUAL");
        assertThat(teamChange.path("assignment").asString()).isEqualTo("ROUND_ROBIN");
        assertThat(teamChange.path("before").has("name")).isFalse();
    }

    @Test
    void anUnknownIdIsNotFoundAndABadPageNamesTheField() {
        assertThat(agent.get("/api/v1/cases/" + UUID.randomUUID() + "/audit").status()).isEqualTo(404);
        String needId = manager.post("/api/v1/needs", Map.of("key", "audit-" + suffix(), "title", "Paged need"))
                .text("id");
        var bad = agent.get("/api/v1/needs/" + needId + "/audit?size=0");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().toString()).contains("size");
    }

    @Autowired
    io.repdesk.journal.Journal journal;

    private JsonNode journalPayloadOf(String stream, String id, String type) {
        return journal.forStream(stream, UUID.fromString(id)).stream().filter(e -> e.type().equals(type))
                .reduce((a, b) -> b).map(e -> json.readTree(e.payload())).orElseThrow();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

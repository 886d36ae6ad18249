package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.security.ApiScope;
import io.repdesk.security.ApiToken;
import io.repdesk.security.ApiTokenManagement;
import io.repdesk.security.NewApiToken;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.InvalidInput;
import tools.jackson.databind.json.JsonMapper;

/** Integration tokens on the API: scopes enforced per endpoint, revocation and expiry, agents unchanged. */
@RepdeskIntegrationTest
class ApiTokenIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ApiTokenManagement tokens;

    @Autowired
    Journal journal;

    @Autowired
    TestClock clock;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    ApiClient agent;
    final List<UUID> issued = new ArrayList<>();

    @BeforeEach
    void setUp() {
        agent = ApiClient.asAgent(port, json);
    }

    @AfterEach
    void tearDown() {
        clock.release();
        issued.forEach(tokens::revoke);
    }

    @Test
    void aTokenRecordsAContactAndTheIntegrationIsTheActor() {
        String name = "chat-" + suffix();
        ApiClient chat = withToken(name, ApiScope.CONTACTS_WRITE, ApiScope.CASES_READ);
        String customerId = newCustomer();

        var recorded = chat.post("/api/v1/contacts", contact(customerId, "chat-" + suffix()));
        assertThat(recorded.status()).isEqualTo(201);
        String caseId = recorded.body().path("contact").path("caseId").asString();

        List<JournalEntry> history = journal.forStream("case", UUID.fromString(caseId));
        assertThat(history.getFirst().type()).isEqualTo("CaseOpened");
        assertThat(history.getFirst().actor()).isEqualTo("token:" + name);
        assertThat(chat.get("/api/v1/cases/" + caseId).status()).isEqualTo(200);
    }

    @Test
    void aTokenWithoutTheScopeIsRefusedWith403NamingIt() {
        ApiClient reader = withToken("reader-" + suffix(), ApiScope.CONTACTS_READ);
        String customerId = newCustomer();
        String key = "refused-" + suffix();

        var refused = reader.post("/api/v1/contacts", contact(customerId, key));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("scope")).isEqualTo("contacts:write");
        assertThat(refused.text("detail")).contains("contacts:write");
        assertThat(agent.get("/api/v1/contacts?customerId=" + customerId).body().path("total").asLong())
                .as("nothing stored").isZero();
        assertThat(reader.get("/api/v1/contacts?customerId=" + customerId).status()).isEqualTo(200);
        assertThat(reader.get("/api/v1/needs").text("scope")).isEqualTo("needs:read");
        assertThat(reader.get("/api/v1/webhooks").text("scope")).isEqualTo("webhooks:manage");
    }

    @Test
    void anEndpointNeedingTwoScopesNamesTheOneMissing() {
        ApiClient cases = withToken("cases-" + suffix(), ApiScope.CASES_WRITE);

        var refused = cases.post("/api/v1/cases/" + UUID.randomUUID() + "/new-need", Map.of("title", "Anything"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("scope")).isEqualTo("needs:write");
    }

    @Test
    void aRevokedTokenIsAnswered401() {
        ApiClient client = withToken("revoked-" + suffix(), ApiScope.NEEDS_READ);
        assertThat(client.get("/api/v1/needs").status()).isEqualTo(200);

        tokens.revoke(issued.getLast());
        var refused = client.get("/api/v1/needs");

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.text("detail")).contains("revoked");
    }

    @Test
    void anExpiredOrUnknownTokenIsAnswered401() {
        clock.pin(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        var expiring = tokens.issue(new NewApiToken("expiring-" + suffix(), Set.of(ApiScope.NEEDS_READ),
                clock.instant().plus(Duration.ofHours(1))));
        issued.add(expiring.token().id());
        ApiClient client = new ApiClient(port, json, "Bearer " + expiring.value());
        assertThat(client.get("/api/v1/needs").status()).isEqualTo(200);

        clock.advance(Duration.ofHours(2));

        assertThat(client.get("/api/v1/needs").status()).isEqualTo(401);
        assertThat(client.get("/api/v1/needs").text("detail")).contains("expired");
        var unknown = new ApiClient(port, json, "Bearer rdk_" + "x".repeat(40)).get("/api/v1/needs");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.text("detail")).contains("not known");
        assertThat(new ApiClient(port, json, "Bearer something-else").get("/api/v1/needs").status()).isEqualTo(401);
    }

    @Test
    void agentsWithHttpBasicAreLimitedByTheirRoleNotByScopes() {
        assertThat(agent.get("/api/v1/needs").status()).isEqualTo(200);
        assertThat(agent.get("/api/v1/calendars").status()).isEqualTo(200);
        var refused = agent.get("/api/v1/webhooks");
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.text("detail")).contains("administer");
        assertThat(ApiClient.as(port, json, "admin").get("/api/v1/webhooks").status()).isEqualTo(200);
        var wrongPassword = new ApiClient(port, json, "Basic " + Base64.getEncoder()
                .encodeToString("agent:wrong".getBytes(StandardCharsets.UTF_8))).get("/api/v1/needs");
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(agent.anonymous().get("/api/v1/needs").status()).isEqualTo(401);
    }

    @Test
    void lastUseIsWrittenAtMostOnceAMinute() {
        clock.pin(Instant.now().truncatedTo(ChronoUnit.MILLIS));
        Instant first = clock.instant();
        ApiClient client = withToken("busy-" + suffix(), ApiScope.NEEDS_READ);
        UUID id = issued.getLast();
        assertThat(tokens.get(id).lastUsedAt()).isNull();

        client.get("/api/v1/needs");
        clock.advance(Duration.ofSeconds(30));
        client.get("/api/v1/needs");
        assertThat(tokens.get(id).lastUsedAt()).isEqualTo(first);

        clock.advance(Duration.ofSeconds(31));
        client.get("/api/v1/needs");
        assertThat(tokens.get(id).lastUsedAt()).isEqualTo(first.plusSeconds(61));
    }

    @Test
    void everyApiEndpointNamesTheScopesATokenNeeds() {
        List<String> unscoped = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : mappings.getHandlerMethods().entrySet()) {
            boolean api = mapping.getKey().getPatternValues().stream().anyMatch(p -> p.startsWith("/api/"));
            if (api && mapping.getValue().getMethodAnnotation(RequiresScope.class) == null) {
                unscoped.add(mapping.getKey().toString());
            }
        }

        assertThat(unscoped).isEmpty();
        assertThat(mappings.getHandlerMethods().keySet()).anyMatch(info -> info.getPatternValues().stream()
                .anyMatch(p -> p.startsWith("/api/v1/webhooks")));
    }

    @Test
    void theApiDocumentSaysHowToSignInAndWhichScopesEachOperationNeeds() {
        var document = agent.anonymous().get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        var schemes = document.body().path("components").path("securitySchemes");
        assertThat(schemes.path("token").path("scheme").asString()).isEqualTo("bearer");
        assertThat(schemes.path("agent").path("scheme").asString()).isEqualTo("basic");
        var record = document.body().path("paths").path("/api/v1/contacts").path("post");
        assertThat(record.path("x-repdesk-scopes").toString()).isEqualTo("[\"contacts:write\"]");
        assertThat(record.path("description").asString()).contains("contacts:write");
        var newNeed = document.body().path("paths").path("/api/v1/cases/{id}/new-need").path("post");
        assertThat(newNeed.path("x-repdesk-scopes").toString()).isEqualTo("[\"cases:write\",\"needs:write\"]");
    }

    @Test
    void aTokenNameMayNotBeTakenTwiceWhileLive() {
        String name = "twice-" + suffix();
        withToken(name, ApiScope.NEEDS_READ);

        var problem = catchThrowableOfType(InvalidInput.class,
                () -> tokens.issue(new NewApiToken(name.toUpperCase(), EnumSet.of(ApiScope.NEEDS_READ), null)));

        assertThat(problem.field()).isEqualTo("name");
        tokens.revoke(issued.getLast());
        ApiToken again = tokens.issue(new NewApiToken(name, EnumSet.of(ApiScope.NEEDS_READ), null)).token();
        issued.add(again.id());
        assertThat(again.name()).isEqualTo(name);
    }

    private ApiClient withToken(String name, ApiScope... scopes) {
        var token = tokens.issue(new NewApiToken(name, EnumSet.copyOf(List.of(scopes)), null));
        issued.add(token.token().id());
        assertThat(token.value()).startsWith("rdk_").hasSize(44);
        return new ApiClient(port, json, "Bearer " + token.value());
    }

    private String newCustomer() {
        var customer = agent.post("/api/v1/customers", Map.of("name", "Token Person",
                "email", "token-" + suffix() + "@example.test"));
        assertThat(customer.status()).isEqualTo(201);
        return customer.text("id");
    }

    private static Map<String, Object> contact(String customerId, String key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("customerId", customerId);
        body.put("channel", "CHAT");
        body.put("subject", "Chat about " + key);
        body.put("body", "Customer wrote in the chat widget");
        body.put("idempotencyKey", key);
        return body;
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

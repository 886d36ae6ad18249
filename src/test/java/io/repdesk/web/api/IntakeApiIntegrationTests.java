package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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

@RepdeskIntegrationTest
class IntakeApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    ApiClient api;

    /** Shapes needs and configures support, which a tier-1 agent may not. */
    ApiClient manager;

    @BeforeEach
    void setUp() {
        api = ApiClient.asAgent(port, json);
        manager = ApiClient.as(port, json, "manager");
    }

    @Test
    void createsAFlowSavesEachEditAsANewVersionAndKeepsTheOldOnes() {
        String category = "api-intake-" + UUID.randomUUID();
        var created = manager.post("/api/v1/intake-flows", flow(category, mobileQuestions()));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("version").asInt()).isEqualTo(1);
        String id = created.text("id");

        List<Map<String, Object>> edited = mobileQuestions();
        edited.add(question("crashes", "How many times a day does it crash?", "NUMBER", false, null));
        Map<String, Object> body = flow(category, edited);
        body.put("baseVersion", 1);
        var revised = manager.put("/api/v1/intake-flows/" + id, body);
        assertThat(revised.status()).isEqualTo(200);
        assertThat(revised.body().path("version").asInt()).isEqualTo(2);

        assertThat(api.get("/api/v1/intake-flows/" + id).body().path("questions").size()).isEqualTo(4);
        assertThat(api.get("/api/v1/intake-flows/" + id + "?version=1").body().path("questions").size()).isEqualTo(3);
        assertThat(api.get("/api/v1/intake-flows/" + id + "/versions").body().findValuesAsString("version"))
                .containsExactly("2", "1");
        assertThat(api.get("/api/v1/intake-flows?category=" + category.toUpperCase()).body().findValuesAsString("id"))
                .containsExactly(id);

        var stale = manager.put("/api/v1/intake-flows/" + id, body);
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.text("detail")).contains("reload");
        assertThat(api.get("/api/v1/intake-flows/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/intake-flows/" + id + "?version=9").status()).isEqualTo(404);
    }

    @Test
    void refusesABrokenFlowWith400NamingTheFieldAndWhy() {
        List<Map<String, Object>> cycle = List.of(
                withShowIf(question("a", "A?", "TEXT", true, null), "b", "x"),
                withShowIf(question("b", "B?", "TEXT", true, null), "a", "y"));
        var refused = manager.post("/api/v1/intake-flows", flow("api-cycle-" + UUID.randomUUID(), cycle));
        assertThat(error(refused)).isEqualTo("questions[0].showIf: branches in a cycle: a → b → a; each of these "
                + "questions is shown only after an answer to the one before it, so none of them could ever be asked");

        assertThat(field(manager.post("/api/v1/intake-flows", flow("c", List.of())))).isEqualTo("questions");
        assertThat(field(manager.post("/api/v1/intake-flows", flow("c", List.of(
                question("a", "A?", "TEXT", true, "r".repeat(501))))))).isEqualTo("questions[0].rationale");
        assertThat(field(manager.post("/api/v1/intake-flows", flow("c", List.of(
                withShowIf(question("a", "A?", "TEXT", true, null), "ghost", "x"))))))
                .isEqualTo("questions[0].showIf[0].question");
        assertThat(field(manager.post("/api/v1/intake-flows", flow("c", List.of(
                question("a", "A?", "TEXT", true, null), question("a", "Again?", "TEXT", true, null))))))
                .isEqualTo("questions[1].key");
        assertThat(field(manager.post("/api/v1/intake-flows", flow("c", List.of(
                question("a", "A?", "CHOICE", true, null)))))).isEqualTo("questions[0].choices");
        assertThat(field(manager.post("/api/v1/intake-flows", flow("c", List.of(
                question("a", "A?", "DATE", true, null)))))).isEqualTo("questions[0].type");
    }

    @Test
    void aCaseFollowsAFlowTakesAnswersAndComposesTheRequestForWhatIsMissing() {
        String flowId = manager.post("/api/v1/intake-flows", flow("api-case-" + UUID.randomUUID(), mobileQuestions()))
                .text("id");
        String caseId = newCase();
        assertThat(api.get("/api/v1/cases/" + caseId + "/intake").body().path("flow").isNull()).isTrue();

        var attached = api.put("/api/v1/cases/" + caseId + "/intake",
                Map.of("flowId", flowId, "answers", Map.of("platform", "android")));
        assertThat(attached.status()).isEqualTo(200);
        assertThat(attached.body().path("flow").path("version").asInt()).isEqualTo(1);
        assertThat(attached.body().path("answers").get(0).path("value").asString()).isEqualTo("Android");
        assertThat(keys(attached.body().path("missing"))).containsExactly("app_version", "android_version");

        var answered = api.put("/api/v1/cases/" + caseId + "/intake", Map.of("answers", Map.of("app_version", "5.2")));
        assertThat(keys(answered.body().path("missing"))).containsExactly("android_version");
        assertThat(answered.body().path("answers").get(1).path("answeredBy").asString()).isEqualTo("agent");

        var request = api.post("/api/v1/cases/" + caseId + "/intake/requests", Map.of());
        assertThat(request.status()).isEqualTo(200);
        assertThat(request.text("text")).contains("Which Android version is the phone on?")
                .contains("Why we ask: Some defects only appear on older Android versions.");

        Map<String, Object> clear = new HashMap<>();
        clear.put("platform", null);
        var cleared = api.put("/api/v1/cases/" + caseId + "/intake", Map.of("answers", clear));
        assertThat(keys(cleared.body().path("missing"))).containsExactly("platform");

        assertThat(error(api.put("/api/v1/cases/" + caseId + "/intake", Map.of("answers", Map.of("platform", "BeOS")))))
                .isEqualTo("answers.platform: must be one of Android, iOS, not 'BeOS'");
        assertThat(field(api.put("/api/v1/cases/" + caseId + "/intake", Map.of("flowId", "nope")))).isEqualTo("flowId");
        assertThat(api.put("/api/v1/cases/" + caseId + "/intake", Map.of("flowId", UUID.randomUUID().toString()))
                .status()).isEqualTo(404);
        assertThat(api.get("/api/v1/cases/" + UUID.randomUUID() + "/intake").status()).isEqualTo(404);
    }

    private String newCase() {
        var customer = api.post("/api/v1/customers", Map.of("name", "Intake Person",
                "email", "intake-" + UUID.randomUUID() + "@example.test"));
        assertThat(customer.status()).isEqualTo(201);
        Map<String, Object> contact = new LinkedHashMap<>();
        contact.put("customerId", customer.text("id"));
        contact.put("channel", "PORTAL");
        contact.put("subject", "The app crashes");
        contact.put("body", "Every time I open it.");
        var recorded = api.post("/api/v1/contacts", contact);
        assertThat(recorded.status()).isEqualTo(201);
        return recorded.body().path("contact").path("caseId").asString();
    }

    private static List<Map<String, Object>> mobileQuestions() {
        List<Map<String, Object>> questions = new ArrayList<>();
        Map<String, Object> platform = question("platform", "Which platform is the app on?", "CHOICE", true, null);
        platform.put("choices", List.of("Android", "iOS"));
        questions.add(platform);
        questions.add(question("app_version", "Which version of the app are you using?", "VERSION", true,
                "Fixes ship in versions."));
        questions.add(withShowIf(question("android_version", "Which Android version is the phone on?", "VERSION", true,
                "Some defects only appear on older Android versions."), "platform", "Android"));
        return questions;
    }

    private static Map<String, Object> flow(String category, List<Map<String, Object>> questions) {
        Map<String, Object> flow = new LinkedHashMap<>();
        flow.put("name", "Mobile app");
        flow.put("category", category);
        flow.put("questions", questions);
        return flow;
    }

    private static Map<String, Object> question(String key, String prompt, String type, boolean required,
            String rationale) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("key", key);
        q.put("prompt", prompt);
        q.put("type", type);
        q.put("required", required);
        q.put("rationale", rationale);
        return q;
    }

    private static Map<String, Object> withShowIf(Map<String, Object> question, String on, String equals) {
        question.put("showIf", List.of(Map.of("question", on, "equals", equals)));
        return question;
    }

    private static List<String> keys(JsonNode questions) {
        return questions.findValuesAsString("key");
    }

    private static String field(ApiClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.body().path("errors").get(0).path("field").asString();
    }

    private static String error(ApiClient.Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        return reply.text("detail");
    }
}

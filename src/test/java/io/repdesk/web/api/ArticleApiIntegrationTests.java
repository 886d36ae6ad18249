package io.repdesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.search.ArticleIndex;
import tools.jackson.databind.json.JsonMapper;

@RepdeskIntegrationTest
class ArticleApiIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ArticleIndex index;

    @Autowired
    Journal journal;

    @Autowired
    CustomerManagement customers;

    ApiClient api;

    @BeforeEach
    void client() {
        api = ApiClient.as(port, json, "sam.tier2");
    }

    @Test
    void writesRevisesPublishesAndSearchesArticlesAndTheAnonymousPublicApiSeesOnlyPublishedOnes() {
        String word = "wombat" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        var created = api.post("/api/v1/articles", Map.of("title", "Feeding the " + word, "issue", "How to feed a "
                + word + "?", "resolution", "Twice a day.", "audience", "PUBLIC"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.text("state")).isEqualTo("DRAFT");

        var revised = api.put("/api/v1/articles/" + id, Map.of("title", "Feeding the " + word, "issue",
                "How to feed a " + word + "?", "resolution", "Twice a day, with **grass**.", "audience", "PUBLIC",
                "expectedVersion", 1));
        assertThat(revised.body().path("version").asInt()).isEqualTo(2);
        var stale = api.put("/api/v1/articles/" + id, Map.of("title", "T", "issue", "I", "resolution", "R",
                "audience", "PUBLIC", "expectedVersion", 1));
        assertThat(stale.status()).isEqualTo(409);
        assertThat(api.anonymous().get("/api/v1/public/articles/search?q=" + word).body().valueStream()
                .map(hit -> hit.path("id").asString())).doesNotContain(id);

        assertThat(api.post("/api/v1/articles/" + id + "/publish", Map.of()).text("state")).isEqualTo("PUBLISHED");
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(30))).isTrue();

        var hits = api.anonymous().get("/api/v1/public/articles/search?q=" + word.substring(0, 5) + "x" + word.substring(6));
        assertThat(hits.status()).isEqualTo(200);
        assertThat(hits.body().get(0).path("id").asString()).isEqualTo(id);
        String reference = hits.body().get(0).path("reference").asString();
        var read = api.anonymous().get("/api/v1/public/articles/" + reference);
        assertThat(read.text("resolutionHtml")).contains("<strong>grass</strong>");
        assertThat(api.get("/api/v1/articles/" + id + "/versions").body()).hasSize(3);
    }

    @Test
    void anArticleForOneOrganizationIsWrittenThroughTheApiAndNeverInThePublicApi() {
        String word = "dunnart" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        var north = customers.registerOrganization("North " + word, "business");
        var south = customers.registerOrganization("South " + word, "business");
        var created = api.post("/api/v1/articles", Map.of("title", "Resetting the " + word, "issue", "The " + word
                + " hangs.", "resolution", "Unplug it.", "audience", "PUBLIC", "organizationIds",
                List.of(north.id().toString())));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(created.body().path("organizationIds").get(0).asString()).isEqualTo(north.id().toString());
        var moved = api.put("/api/v1/articles/" + id, Map.of("title", "Resetting the " + word, "issue", "The " + word
                + " hangs.", "resolution", "Unplug it.", "audience", "PUBLIC", "organizationIds",
                List.of(south.id().toString(), north.id().toString()), "expectedVersion", 1));
        assertThat(moved.body().path("organizationIds")).hasSize(2);
        String reference = api.post("/api/v1/articles/" + id + "/publish", Map.of()).text("reference");
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(120))).isTrue();

        assertThat(api.get("/api/v1/articles/search?q=" + word).body().get(0).path("organizationIds")).hasSize(2);
        assertThat(api.get("/api/v1/articles/" + id + "/versions").body().get(0).path("organizationIds")).hasSize(2);
        // Other tests' public articles may be found by meaning (a wombat is near a dunnart); this one never is.
        var publicHits = publicly("/api/v1/public/articles/search?q=" + word).body();
        assertThat(publicHits.valueStream().map(hit -> hit.path("id").asString())).doesNotContain(id);
        assertThat(publicHits.valueStream()).allSatisfy(hit -> assertThat(hit.path("organizationIds")).isEmpty());
        assertThat(publicly("/api/v1/public/articles/" + reference).status()).isEqualTo(404);

        var unknown = api.post("/api/v1/articles", Map.of("title", "T", "issue", "I", "resolution", "R",
                "audience", "PUBLIC", "organizationIds", List.of(UUID.randomUUID().toString())));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("organizationIds[0]");
    }

    /** An anonymous public API call; waits out the rate limit another test may have spent for this address. */
    private ApiClient.Reply publicly(String path) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> api.anonymous().get(path), r -> r.status() != 429);
    }

    @Test
    void refusesAnArticleWithoutAResolutionNamingTheField() {
        var refused = api.post("/api/v1/articles", Map.of("title", "T", "issue", "I", "audience", "PUBLIC",
                "needIds", List.of("not-an-id")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").toString()).contains("resolution");
    }

    @Test
    void answersTooManyPublicRequestsWith429AndRetryAfter() throws Exception {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> last = null;
            for (int i = 0; i < 500; i++) {
                last = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/v1/public/articles/search?q=card")).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (last.statusCode() == 429) {
                    break;
                }
            }
            assertThat(last.statusCode()).isEqualTo(429);
            assertThat(Long.parseLong(last.headers().firstValue("Retry-After").orElseThrow())).isPositive();
            assertThat(last.body()).contains("Too many requests");
        }
    }
}

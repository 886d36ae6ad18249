package io.repdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;

/**
 * The stylesheet, scripts, icon and webjars are served from their own paths; a page's links to them are written
 * with the webjar's version, and its other links (needs, cases) are written as they are.
 */
@RepdeskIntegrationTest
class StaticResourcesIntegrationTests {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void servesItsOwnFilesAndTheWebjarsAnonymously() throws Exception {
        assertServed("/css/repdesk.css", "text/css");
        assertServed("/js/need-picker.js", "javascript");
        assertServed("/favicon.svg", "image/svg+xml");
        assertServed("/favicon.ico", "image/svg+xml");
        // the version-free path a page may use, as well as the versioned one pages are written with
        assertServed("/webjars/htmx.org/dist/htmx.min.js", "javascript");
        assertServed("/webjars/chart.js/dist/chart.umd.js", "javascript");
    }

    @Test
    void aFileThatIsNotThereIsNotFound() throws Exception {
        assertThat(get("/css/no-such.css").statusCode()).isEqualTo(404);
        assertThat(get("/webjars/htmx.org/dist/no-such.js").statusCode()).isEqualTo(404);
    }

    @Test
    void pagesLinkTheWebjarsByVersionAndOtherPagesAsWritten() throws Exception {
        HttpResponse<String> needs = PermissionMatrixIntegrationTests.Caller.agent(port, "admin", "repdesk-demo")
                .get("/needs");
        assertThat(needs.statusCode()).isEqualTo(200);
        Matcher htmx = Pattern.compile("src=\"(/webjars/htmx\\.org/[0-9][^/\"]*/dist/htmx\\.min\\.js)\"")
                .matcher(needs.body());
        assertThat(htmx.find()).as("the htmx script is linked with its version").isTrue();
        assertServed(htmx.group(1), "javascript");
        assertThat(needs.body()).contains("href=\"/css/repdesk.css\"").contains("src=\"/js/need-picker.js\"");
        assertThat(needs.body()).containsPattern("href=\"/needs/[0-9a-f-]{36}\"");
    }

    private void assertServed(String path, String contentType) throws Exception {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(path).contains(contentType);
        assertThat(response.body()).as(path).isNotBlank();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}

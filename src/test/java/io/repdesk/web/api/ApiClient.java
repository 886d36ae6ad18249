package io.repdesk.web.api;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the running API over real HTTP as a demo agent. */
record ApiClient(int port, JsonMapper json, String authorization) {

    /** The demo tier-1 agent. */
    static ApiClient asAgent(int port, JsonMapper json) {
        return as(port, json, "agent");
    }

    /** Another demo account (all share the demo password), for calls the tier-1 agent's role does not allow. */
    static ApiClient as(int port, JsonMapper json, String username) {
        String basic = Base64.getEncoder().encodeToString((username + ":repdesk-demo").getBytes(StandardCharsets.UTF_8));
        return new ApiClient(port, json, "Basic " + basic);
    }

    ApiClient anonymous() {
        return new ApiClient(port, json, "");
    }

    /** A response: status code and parsed JSON body (missing node when the body is empty or not JSON). */
    record Reply(int status, JsonNode body, String contentType) {

        String text(String field) {
            return body.path(field).asString();
        }
    }

    Reply get(String path) {
        return send(request(path).GET());
    }

    Reply post(String path, Object body) {
        return post(path, json.writeValueAsString(body));
    }

    Reply post(String path, String rawJson) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(rawJson)));
    }

    Reply put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
    }

    Reply send(HttpRequest.Builder builder) {
        try (HttpClient client = HttpClient.newHttpClient()) {
            HttpResponse<String> response = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body;
            try {
                body = response.body().isBlank() ? json.missingNode() : json.readTree(response.body());
            } catch (RuntimeException notJson) {
                body = json.missingNode();
            }
            return new Reply(response.statusCode(), body,
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        return authorization.isEmpty() ? builder : builder.header("Authorization", authorization);
    }
}

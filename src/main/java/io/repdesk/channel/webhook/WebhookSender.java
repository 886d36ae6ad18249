package io.repdesk.channel.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.springframework.stereotype.Component;

/** Sends one delivery over HTTP with {@link HttpClient}: a POST of the payload, signed, within the timeouts. */
@Component
class WebhookSender {

    /** How much of a refusing receiver's answer is kept to show why it refused. */
    static final int ANSWER_KEPT = 500;

    private final HttpClient http;
    private final WebhookSettings settings;

    WebhookSender(WebhookSettings settings) {
        this.settings = settings;
        // redirects are not followed: a moved receiver should be re-subscribed, not guessed at
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** What came of one attempt. */
    sealed interface Attempt {

        /** The receiver answered; 2xx means delivered. */
        record Answered(int status, String answerStart) implements Attempt {

            boolean accepted() {
                return status >= 200 && status < 300;
            }
        }

        /** No answer: refused connection, timeout, unknown host, broken connection. */
        record Unreachable(String error) implements Attempt {
        }
    }

    Attempt send(Delivery delivery, String targetUrl, String secret, Instant at) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(targetUrl)).timeout(settings.requestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "repdesk-webhooks/1")
                    .header("Repdesk-Event", delivery.eventType())
                    .header("Repdesk-Delivery", delivery.id().toString())
                    .header(WebhookSignature.HEADER, WebhookSignature.sign(secret, at, delivery.payload()))
                    .POST(HttpRequest.BodyPublishers.ofString(delivery.payload(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Attempt.Unreachable("The target URL cannot be used: " + e.getMessage());
        }
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream body = response.body()) {
                String start = new String(body.readNBytes(ANSWER_KEPT), StandardCharsets.UTF_8);
                return new Attempt.Answered(response.statusCode(), start);
            }
        } catch (IOException e) {
            return new Attempt.Unreachable(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt.Unreachable("Sending was interrupted (the node is shutting down)");
        }
    }

    private static String describe(IOException e) {
        Throwable cause = e;
        while (cause.getMessage() == null && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}

package io.repdesk;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP endpoint on localhost for webhook tests: records every request it gets and answers with
 * the statuses it was told, then 200 for every later one.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as received. */
    public record Received(String event, String delivery, String signature, String contentType, String body) {
    }

    private final HttpServer server;
    private final Deque<Integer> answers;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    private WebhookReceiver(int port, List<Integer> answers) {
        this.answers = new ArrayDeque<>(answers);
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                var headers = exchange.getRequestHeaders();
                received.add(new Received(String.valueOf(headers.getFirst("Repdesk-Event")),
                        String.valueOf(headers.getFirst("Repdesk-Delivery")),
                        String.valueOf(headers.getFirst("Repdesk-Signature")),
                        String.valueOf(headers.getFirst("Content-Type")),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            int status = next();
            byte[] answer = (status < 300 ? "ok" : "receiver is having a bad day").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.start();
    }

    /** Answers with the given statuses in turn, then 200. */
    public static WebhookReceiver answering(Integer... statuses) {
        return new WebhookReceiver(0, List.of(statuses));
    }

    /** Listens on a port chosen earlier (a receiver that was down comes back). */
    public static WebhookReceiver onPort(int port) {
        return new WebhookReceiver(port, List.of());
    }

    /** A port nothing listens on: connections to it are refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized int next() {
        Integer status = answers.poll();
        return status == null ? 200 : status;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    public List<Received> received() {
        return List.copyOf(received);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

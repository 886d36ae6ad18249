package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two repdesk nodes, each its own JVM with its own data directory and port, on one PostgreSQL they did not
 * start: a contact recorded through one node is matched and searchable through the other, the jobs that run
 * once cluster-wide run on one node only, and when that node is killed the other carries on with them.
 */
class TwoNodeIntegrationTests {

    private static final Duration START = Duration.ofMinutes(4);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path dir;

    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Process> nodes = new ArrayList<>();
    private EmbeddedPostgres postgres;

    @AfterEach
    void stopEverything() throws IOException {
        nodes.forEach(Process::destroyForcibly);
        for (Process node : nodes) {
            node.onExit().join();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void aContactThroughOneNodeIsMatchedAndFoundThroughTheOtherAndJobsSurviveAKilledNode() throws Exception {
        postgres = EmbeddedPostgres.builder().setPort(freePort()).setDataDirectory(dir.resolve("pg"))
                .setCleanDataDirectory(true).start();
        String url = postgres.getJdbcUrl("postgres", "postgres");

        Node a = start("node-a", url, true);
        a.awaitReady();
        Node b = start("node-b", url, false);
        b.awaitReady();

        // A contact recorded through node A is matched, readable and searchable through node B.
        String customerId = a.api("GET", "/api/v1/customers?size=1", null).path("items").path(0).path("id")
                .asString();
        Recorded first = record(a, customerId);
        // Sessions are kept in PostgreSQL: the agent signs in through node A and carries on through node B.
        Session agentOnA = a.signIn("agent");
        Session agentOnB = agentOnA.on(b.port);
        HttpResponse<String> inboxOnB = agentOnB.send(agentOnB.request("/inbox"));
        assertThat(inboxOnB.statusCode()).isEqualTo(200);
        assertThat(inboxOnB.body()).contains("Sign out");
        Duration seen = awaitMatchedAndFound(b, agentOnB, first);
        System.out.println("Contact recorded on node-a was matched and found on node-b after " + seen.toMillis()
                + " ms");

        // The SLA clocks run on node A alone: node B keeps asking for the lease and never gets it.
        assertThat(leaseHolder("sla-monitor")).isEqualTo("node-a");
        long runs = leaseRuns("sla-monitor");
        await().atMost(Duration.ofMinutes(1)).until(() -> leaseRuns("sla-monitor") >= runs + 5);
        assertThat(leaseHolder("sla-monitor")).isEqualTo("node-a");
        assertThat(takers("sla-monitor")).containsExactly("node-a");
        assertThat(takers("need-discovery")).containsExactly("node-a");

        // Node A dies without a word; node B takes the jobs over and carries on.
        a.process.destroyForcibly();
        a.process.onExit().join();
        Recorded second = record(b, customerId);

        await().atMost(Duration.ofMinutes(1)).until(() -> "node-b".equals(leaseHolder("sla-monitor")));
        long runsOnB = leaseRuns("sla-monitor");
        // the survivor's SLA pass evaluates the contact recorded after node A died
        await().atMost(Duration.ofMinutes(1)).until(() -> leaseRuns("sla-monitor") >= runsOnB + 2
                && slaEvaluated(second.caseId()));
        assertThat(takers("sla-monitor")).containsExactly("node-a", "node-b");
        await().atMost(Duration.ofMinutes(1)).until(() -> takers("need-discovery").equals(List.of("node-a", "node-b")));

        // The session made on the killed node still works on the survivor: nobody is signed out.
        awaitMatchedAndFound(b, agentOnB, second);
        String form = "_csrf=" + URLEncoder.encode(agentOnB.csrf("/cases/" + second.reference()), StandardCharsets.UTF_8)
                + "&body=" + URLEncoder.encode("Noted on node B with a session from node A.", StandardCharsets.UTF_8);
        HttpResponse<String> noted = agentOnB.send(HttpRequest.newBuilder(agentOnB.uri("/cases/" + second.reference()
                + "/notes")).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(noted.statusCode()).isEqualTo(302);
        assertThat(noted.headers().firstValue("Location").orElse("")).endsWith("/cases/" + second.reference());
        assertThat(agentOnB.get("/cases/" + second.reference())).contains("Added to the notes.")
                .contains("Noted on node B with a session from node A.");
    }

    private record Recorded(String caseId, String reference, String word) {
    }

    private Recorded record(Node node, String customerId) {
        String word = "quokka" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        JsonNode contact = node.api("POST", "/api/v1/contacts", Map.of("customerId", customerId, "channel", "CHAT",
                "direction", "INBOUND", "subject", "Card not arrived",
                "body", "I ordered a new card two weeks ago and it still has not arrived, reference " + word));
        String caseId = contact.path("contact").path("caseId").asString();
        String reference = node.api("GET", "/api/v1/cases/" + caseId, null).path("reference").asString();
        return new Recorded(caseId, reference, word);
    }

    /** Polls node B until the case shows a match and the agents' search finds it; returns how long that took. */
    private Duration awaitMatchedAndFound(Node node, Session session, Recorded recorded) {
        long start = System.nanoTime();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
            JsonNode found = node.api("GET", "/api/v1/cases/" + recorded.caseId(), null);
            return !found.path("match").path("matchedAt").isMissingNode()
                    && !found.path("match").path("matchedAt").isNull()
                    && session.get("/search?q=" + recorded.word()).contains(recorded.reference());
        });
        return Duration.ofNanos(System.nanoTime() - start);
    }

    private Node start(String name, String url, boolean demo) throws IOException {
        int port = freePort();
        Path data = Files.createDirectories(dir.resolve(name));
        Path log = dir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "--add-modules", "jdk.incubator.vector",
                "--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow",
                "-cp", System.getProperty("java.class.path"),
                "-Drepdesk.cluster.node=" + name, "-Drepdesk.cluster.lease-ttl=3s",
                "-Drepdesk.casework.sla-interval=1s", "-Drepdesk.need.discovery-interval-seconds=1",
                "-Drepdesk.db.username=postgres", "-Drepdesk.db.pool-size=6",
                "-DREPDESK_ADMIN_PASSWORD=two-node-admin-password", "-Drepdesk.demo.enabled=" + demo,
                "-Drepdesk.demo.organizations=5", "-Drepdesk.demo.customers=30", "-Drepdesk.demo.cases=60",
                "io.repdesk.Repdesk", "serve", "--port", Integer.toString(port), "--data", data.toString(),
                "--db-url", url));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        nodes.add(process);
        return new Node(name, port, process, log);
    }

    private final class Node {

        final String name;
        final int port;
        final Process process;
        final Path log;
        private final String basic = "Basic " + Base64.getEncoder()
                .encodeToString("agent:repdesk-demo".getBytes(StandardCharsets.UTF_8));

        Node(String name, int port, Process process, Path log) {
            this.name = name;
            this.port = port;
            this.process = process;
            this.log = log;
        }

        void awaitReady() {
            try {
                await().atMost(START).pollInterval(Duration.ofMillis(500)).until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited:\n" + Files.readString(log));
                    }
                    return status("/actuator/health") == 200;
                });
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new IllegalStateException(name + " did not start:\n" + tail(), e);
            }
        }

        private String tail() {
            try {
                String text = Files.readString(log);
                return text.substring(Math.max(0, text.length() - 8_000));
            } catch (IOException e) {
                return e.toString();
            }
        }

        private int status(String path) {
            try (HttpClient client = HttpClient.newHttpClient()) {
                return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return -1;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }

        JsonNode api(String method, String path, Object body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Authorization", basic).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(method + " " + path + " on " + name + " answered "
                            + response.statusCode() + ": " + response.body());
                }
                return json.readTree(response.body());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        Session signIn(String username) {
            Session session = new Session(port);
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8)
                    + "&password=repdesk-demo&_csrf=" + URLEncoder.encode(session.csrf("/login"), StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = session.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build());
            assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/inbox");
            return session;
        }
    }

    /** A signed-in browser session talking to one node; its cookie works on every node. */
    private static final class Session {

        private final int port;
        private final HttpClient http;

        Session(int port) {
            this(port, HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build());
        }

        private Session(int port, HttpClient http) {
            this.port = port;
            this.http = http;
        }

        /** The same browser (same session cookie) talking to another node. */
        Session on(int otherPort) {
            return new Session(otherPort, http);
        }

        URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }

        HttpRequest request(String path) {
            return HttpRequest.newBuilder(uri(path)).GET().build();
        }

        String csrf(String page) {
            Matcher m = CSRF.matcher(get(page));
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on " + page);
            }
            return m.group(1);
        }

        String get(String path) {
            return send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build()).body();
        }

        HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private String leaseHolder(String job) throws SQLException {
        return queryString("select holder from cluster_job_lease where job = '" + job + "'");
    }

    private long leaseRuns(String job) throws SQLException {
        return Long.parseLong(queryString("select runs from cluster_job_lease where job = '" + job + "'"));
    }

    private List<String> takers(String job) throws SQLException {
        List<String> holders = new ArrayList<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select payload ->> 'holder' from journal_event where stream = "
                        + "'cluster-job' and type = 'JobLeaseTaken' and payload ->> 'job' = '" + job
                        + "' order by sequence")) {
            while (rs.next()) {
                holders.add(rs.getString(1));
            }
        }
        return holders;
    }

    /** Whether the SLA pass evaluated the case since it last changed: its clocks are stored and it is not listed. */
    private boolean slaEvaluated(String caseId) throws SQLException {
        UUID id = UUID.fromString(caseId);
        return "1".equals(queryString("select count(*) from casework_case_sla where case_id = '" + id + "'"
                + " and not exists (select 1 from casework_sla_stale where case_id = '" + id + "')"));
    }

    private String queryString(String sql) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}

package io.repdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import jakarta.mail.Flags;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * Crash safety, proved by crashing: repdesk runs as a child JVM on its own data directory and reads a GreenMail
 * inbox, while a writer posts contacts through the API and emails arrive. The child is killed with SIGKILL in the
 * middle of the stream — first the JVM alone (its embedded PostgreSQL keeps running, as after a JVM crash), then
 * the JVM and every process it started (as after a power cut) — and started again on the same data directory.
 * After each restart every acknowledged contact is there exactly once, every unacknowledged one at most once and,
 * once the client sends it again with the same idempotency key, exactly once; every email is a contact exactly
 * once; the search index finds every contact; and the SLA clocks of cases opened before a crash are what the
 * policy gives.
 */
class CrashSafetyIntegrationTests {

    private static final String ADMIN_PASSWORD = "crash-admin-password";
    private static final String MAILBOX_USER = "support";
    private static final Duration START_UP = Duration.ofMinutes(4);
    private static final Duration FIRST_RESPONSE = Duration.ofMinutes(600);
    /** Contacts (and as many emails) per round; the crash comes once a quarter of them are acknowledged. */
    private static final int PER_ROUND = 40;
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path data;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Session mailSession = Session.getInstance(new java.util.Properties());
    private GreenMail mail;
    private Process child;

    /** What the client knows: the contacts it sent, which were acknowledged, and when each happened. */
    private final Map<Integer, Instant> sent = new ConcurrentHashMap<>();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final Map<Integer, String> rejected = new ConcurrentHashMap<>();
    private int mailed;
    private String customerId;
    private String policyId;

    @AfterEach
    void stopEverything() {
        crashed.countDown();
        if (child != null) {
            killWithEverythingItStarted(child);
        }
        if (mail != null) {
            mail.stop();
        }
    }

    @Test
    void killedMidStreamNoAcknowledgedContactIsLostOrDoubledAndIndexAndSlaCatchUp() throws Exception {
        mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP));
        mail.start();
        mail.setUser("support@support.test", MAILBOX_USER, "secret");
        int port = freePort();
        child = start(port, 1);
        prepare(port);
        Map<String, Instant> dueBeforeCrash = new HashMap<>();

        // A JVM crash: only the java process dies; its PostgreSQL is left running and holds the data directory.
        stream(port, 0, PER_ROUND);
        dueBeforeCrash.putAll(firstResponseDue(port, acknowledged));
        long orphanPid = postmasterPid();
        child.destroyForcibly().waitFor(60, TimeUnit.SECONDS);
        awaitWriterDone();
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive)).as("PostgreSQL outlives the JVM")
                .contains(true);
        child = start(port, 2);
        assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive).orElse(false))
                .as("the orphaned PostgreSQL was stopped before a new one started").isFalse();
        assertNothingLostOrDoubled(port);

        // A machine crash: the JVM and its PostgreSQL die at the same moment.
        stream(port, PER_ROUND, 2 * PER_ROUND);
        dueBeforeCrash.putAll(firstResponseDue(port, acknowledged));
        killWithEverythingItStarted(child);
        awaitWriterDone();
        child = start(port, 3);
        assertNothingLostOrDoubled(port);

        assertThat(rejected).as("contacts the API refused").isEmpty();
        assertSearchFindsEveryContact(port);
        Map<String, Instant> dueAfter = firstResponseDue(port, sent.keySet());
        assertThat(dueAfter).containsAllEntriesOf(dueBeforeCrash);
        Map<String, Instant> expected = new HashMap<>();
        sent.forEach((i, at) -> expected.put(key(i), at.plus(FIRST_RESPONSE)));
        assertThat(dueAfter).as("first-response due times after the crashes").isEqualTo(expected);
    }

    /** A customer for the API contacts, and a round-the-clock SLA policy so due times are simple to check. */
    private void prepare(int port) {
        JsonNode customer = post(port, "/api/v1/customers", Map.of("name", "Crash Test Customer", "email",
                "crash@customer.test")).body();
        customerId = customer.path("id").asString();
        JsonNode calendar = post(port, "/api/v1/calendars", Map.of("name", "Always open", "zone", "UTC", "hours",
                Map.of("MONDAY", List.of("00:00-24:00"), "TUESDAY", List.of("00:00-24:00"), "WEDNESDAY",
                        List.of("00:00-24:00"), "THURSDAY", List.of("00:00-24:00"), "FRIDAY", List.of("00:00-24:00"),
                        "SATURDAY", List.of("00:00-24:00"), "SUNDAY", List.of("00:00-24:00")))).body();
        policyId = post(port, "/api/v1/sla-policies", Map.of("name", "Crash policy", "kind", "FORMAL", "rank", -1000,
                "calendarId", calendar.path("id").asString(), "firstResponseMinutes", FIRST_RESPONSE.toMinutes()))
                .body().path("id").asString();
    }

    private Thread writer;
    private CountDownLatch crashed = new CountDownLatch(0);

    /**
     * Starts a writer that posts contacts {@code from..to} one after another and delivers an email after each
     * (whether or not repdesk answered), and returns once a quarter of them are acknowledged and at least one
     * email is recorded: the moment to crash. The last quarter waits for the crash.
     */
    private void stream(int port, int from, int to) {
        crashed = new CountDownLatch(1);
        writer = Thread.ofPlatform().name("crash-writer").daemon(true).start(() -> {
            for (int i = from; i < to; i++) {
                if (i == from + (to - from) * 3 / 4) {
                    // the rest of the stream meets a crashed repdesk, however fast the first part went
                    awaitCrash();
                }
                send(port, i);
                deliverMail(mailed++);
            }
        });
        await().atMost(START_UP).until(() -> acknowledged.stream().filter(i -> i >= from).count() >= PER_ROUND / 4
                && doneMails() > 0 || !writer.isAlive());
        assertThat(writer.isAlive()).as("the writer is still streaming when the crash comes").isTrue();
    }

    private void awaitCrash() {
        try {
            crashed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitWriterDone() throws InterruptedException {
        crashed.countDown();
        writer.join(Duration.ofMinutes(5));
        assertThat(writer.isAlive()).isFalse();
    }

    /** Posts contact i; acknowledged when repdesk answered 2xx. */
    private void send(int port, int i) {
        Instant at = sent.computeIfAbsent(i, k -> Instant.now().truncatedTo(ChronoUnit.SECONDS));
        try {
            HttpResponse<String> response = http.send(request(port, "/api/v1/contacts")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("customerId", customerId,
                            "channel", "API", "subject", "Crash contact " + i, "body", "Contact " + token("api", i),
                            "occurredAt", at.toString(), "idempotencyKey", key(i)))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 == 2) {
                acknowledged.add(i);
            } else {
                rejected.put(i, response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            // no answer: the client does not know whether repdesk has it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void deliverMail(int i) {
        String raw = """
                From: Mail Sender %d <sender-%d@customer.test>
                To: support@support.test
                Subject: Crash mail %d
                Message-ID: <crash-mail-%d@customer.test>
                Date: Mon, 2 Nov 2026 09:30:00 +0000
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Mail %s arrived.
                """.formatted(i % 5, i % 5, i, i, token("mail", i)).replace("\n", "\r\n");
        try {
            mail.getUserManager().getUser(MAILBOX_USER).deliver(new MimeMessage(mailSession,
                    new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8))));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private long doneMails() throws Exception {
        return mail.getManagers().getImapHostManager().getInbox(mail.getUserManager().getUser(MAILBOX_USER))
                .getMessages().stream().filter(m -> m.isSet(Flags.Flag.SEEN)).count();
    }

    /**
     * After a restart: unacknowledged contacts are there at most once, then the client sends them again with the
     * same key and every contact is there exactly once; every email delivered so far becomes a contact once.
     */
    private void assertNothingLostOrDoubled(int port) throws Exception {
        Map<String, Integer> api = bodies(port, "API");
        long unacknowledgedButKept = sent.keySet().stream()
                .filter(i -> !acknowledged.contains(i) && api.containsKey(token("api", i))).count();
        System.out.printf("After the crash: %d contacts sent, %d acknowledged, %d unacknowledged of which %d were"
                + " recorded; %d emails delivered, %d marked done%n", sent.size(), acknowledged.size(),
                sent.size() - acknowledged.size(), unacknowledgedButKept, mailed, doneMails());
        for (int i : sent.keySet()) {
            int copies = api.getOrDefault(token("api", i), 0);
            if (acknowledged.contains(i)) {
                assertThat(copies).as("acknowledged contact %d", i).isEqualTo(1);
            } else {
                assertThat(copies).as("unacknowledged contact %d", i).isLessThanOrEqualTo(1);
            }
        }
        for (int i : sent.keySet()) {
            if (!acknowledged.contains(i)) {
                send(port, i);
                assertThat(acknowledged).as("contact %d sent again", i).contains(i);
            }
        }
        await().atMost(START_UP).until(() -> doneMails() == mailed);
        Map<String, Integer> apiAfter = bodies(port, "API");
        Map<String, Integer> mails = bodies(port, "EMAIL");
        for (int i : sent.keySet()) {
            assertThat(apiAfter.get(token("api", i))).as("contact %d", i).isEqualTo(1);
        }
        for (int i = 0; i < mailed; i++) {
            assertThat(mails.get(token("mail", i))).as("email %d", i).isEqualTo(1);
        }
        assertThat(apiAfter.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(sent.size());
        assertThat(mails.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(mailed);
    }

    /** How often each token appears among the bodies of the contacts of one channel. */
    private Map<String, Integer> bodies(int port, String channel) {
        Map<String, Integer> counts = new HashMap<>();
        Pattern token = Pattern.compile("crash(api|mail)\\d+");
        for (int page = 0;; page++) {
            JsonNode items = get(port, "/api/v1/contacts?channel=" + channel + "&size=200&page=" + page)
                    .path("items");
            for (JsonNode contact : items) {
                Matcher m = token.matcher(contact.path("body").asString());
                while (m.find()) {
                    counts.merge(m.group(), 1, Integer::sum);
                }
            }
            if (items.size() < 200) {
                return counts;
            }
        }
    }

    /** Every contact is found by its token in the agents' search, once the index has caught up. */
    private void assertSearchFindsEveryContact(int port) {
        long started = System.nanoTime();
        HttpClient session = signIn(port);
        List<String> missing = new ArrayList<>();
        sent.keySet().forEach(i -> missing.add(token("api", i)));
        for (int i = 0; i < mailed; i++) {
            missing.add(token("mail", i));
        }
        await().atMost(START_UP).until(() -> {
            missing.removeIf(token -> found(session, port, token));
            return missing.isEmpty();
        });
        System.out.printf("search found all %d contacts after %.1f s%n", sent.size() + mailed,
                (System.nanoTime() - started) / 1e9);
    }

    private boolean found(HttpClient session, int port, String token) {
        String page = send(session, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/search?q=" + token))
                .GET().build()).body();
        return page.contains("class=\"ref\"");
    }

    /** The first-response due time of the case of each given contact, keyed by the contact's idempotency key. */
    private Map<String, Instant> firstResponseDue(int port, Set<Integer> contacts) {
        Map<String, Instant> due = new HashMap<>();
        Map<String, String> caseOf = new HashMap<>();
        for (int page = 0;; page++) {
            JsonNode items = get(port, "/api/v1/contacts?channel=API&size=200&page=" + page).path("items");
            items.forEach(c -> caseOf.put(c.path("idempotencyKey").asString(), c.path("caseId").asString()));
            if (items.size() < 200) {
                break;
            }
        }
        for (int i : List.copyOf(contacts)) {
            String caseId = caseOf.get(key(i));
            if (caseId == null) {
                continue;
            }
            JsonNode policies = get(port, "/api/v1/cases/" + caseId + "/sla").path("policies");
            for (JsonNode p : policies) {
                if (p.path("policyId").asString().equals(policyId)) {
                    for (JsonNode clock : p.path("clocks")) {
                        if (clock.path("target").asString().equals("FIRST_RESPONSE")) {
                            assertThat(Instant.parse(clock.path("startedAt").asString())).isEqualTo(sent.get(i));
                            due.put(key(i), Instant.parse(clock.path("dueAt").asString()));
                        }
                    }
                }
            }
        }
        return due;
    }

    private static String token(String kind, int i) {
        return "crash" + kind + i;
    }

    private static String key(int i) {
        return "crash-contact-" + i;
    }

    // --- the child repdesk --------------------------------------------------------------------------------------

    /** Starts repdesk as a child JVM on the data directory, reading the GreenMail inbox, and waits until it serves. */
    private Process start(int port, int run) throws IOException {
        Path log = data.resolve("repdesk-" + run + ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED", "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Repdesk.class.getName(), "serve",
                "--port", Integer.toString(port), "--data", data.resolve("repdesk").toString(),
                "--repdesk.channel.email.inbound.mailboxes[0].host=127.0.0.1",
                "--repdesk.channel.email.inbound.mailboxes[0].port=" + mail.getImap().getPort(),
                "--repdesk.channel.email.inbound.mailboxes[0].protocol=imap",
                "--repdesk.channel.email.inbound.mailboxes[0].username=" + MAILBOX_USER,
                "--repdesk.channel.email.inbound.mailboxes[0].password=secret",
                "--repdesk.channel.email.inbound.poll-interval=1s",
                "--repdesk.channel.email.inbound.batch-size=5",
                "--repdesk.need.discovery-interval-seconds=0"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("REPDESK_ADMIN_PASSWORD", ADMIN_PASSWORD);
        long started = System.nanoTime();
        Process process = builder.start();
        try {
            await().atMost(START_UP).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (!process.isAlive()) {
                    throw new AssertionError("repdesk exited with " + process.exitValue() + ":\n" + tail(log));
                }
                return Files.readString(log).contains("repdesk is ready at");
            });
        } catch (RuntimeException | AssertionError e) {
            killWithEverythingItStarted(process);
            throw new AssertionError("repdesk did not start:\n" + tail(log), e);
        }
        System.out.printf("repdesk run %d serving after %.1f s%n", run, (System.nanoTime() - started) / 1e9);
        return process;
    }

    private static String tail(Path log) {
        try {
            String text = Files.readString(log);
            return text.substring(Math.max(0, text.length() - 4_000));
        } catch (IOException e) {
            return e.getMessage();
        }
    }

    private long postmasterPid() throws IOException {
        return Long.parseLong(Files.readAllLines(data.resolve("repdesk/postgres/postmaster.pid")).getFirst().trim());
    }

    /** SIGKILL to the JVM and, at the same moment, to every process it started (its PostgreSQL). */
    private static void killWithEverythingItStarted(Process process) {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(process.toHandle());
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(p -> p.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(e -> p).join());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- HTTP ---------------------------------------------------------------------------------------------------

    private HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply post(int port, String path, Object body) {
        HttpResponse<String> response = send(http, request(port, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build());
        assertThat(response.statusCode()).as("POST " + path + ": " + response.body()).isBetween(200, 299);
        return new Reply(response.statusCode(), json.readTree(response.body()));
    }

    private JsonNode get(int port, String path) {
        HttpResponse<String> response = send(http, request(port, path).GET().build());
        assertThat(response.statusCode()).as("GET " + path + ": " + response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    /** A browser-like session of the admin, signed in through the form, for the workspace's search page. */
    private HttpClient signIn(int port) {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String base = "http://localhost:" + port;
        Matcher csrf = CSRF.matcher(send(session, HttpRequest.newBuilder(URI.create(base + "/login")).GET().build())
                .body());
        assertThat(csrf.find()).isTrue();
        String form = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(session, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        assertThat(signedIn.headers().firstValue("Location")).map(l -> l.endsWith("/inbox")).isEqualTo(Optional.of(true));
        return session;
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

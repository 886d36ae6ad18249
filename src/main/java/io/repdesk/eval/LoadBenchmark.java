package io.repdesk.eval;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.CookieManager;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.NewCustomer;
import io.repdesk.journal.Journal;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.search.ContactIndex;
import io.repdesk.search.Embedder;
import io.repdesk.security.AgentAccounts;
import io.repdesk.security.ApiScope;
import io.repdesk.security.ApiTokenManagement;
import io.repdesk.security.NewApiToken;
import io.repdesk.security.Role;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.ProgressBar;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code repdesk bench load}: generates a realistic workload ({@link LoadWorkload}) in a scratch database through
 * the application's own ingestion path — customers and needs through their modules, every contact through
 * {@link ContactManagement#record}, which opens or continues cases and queues need matching — with matching
 * and the search index running as in production, and times how fast contacts go in and how fast they are
 * matched and searchable. Then times real HTTP requests against the loaded node and reports its memory and
 * the sizes on disk.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-load")
class LoadBenchmark implements ApplicationRunner {

    private static final int INGEST_THREADS = 4;
    private static final String ADMIN = "bench-load";
    private static final int WARM_UP = 20;
    private static final int REQUESTS = 200;
    /** A slow page is timed for this long (at least {@link #MIN_REQUESTS} requests) rather than 200 times. */
    private static final Duration MEASURED_LIMIT = Duration.ofSeconds(120);
    private static final int MIN_REQUESTS = 50;
    private static final Duration WARM_UP_LIMIT = Duration.ofSeconds(30);
    private static final int OPENED_SAMPLE = 2_000;
    /** A file in the data directory that stops recording; the same command then continues the kept run. */
    private static final String PAUSE = "pause";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Channel[] CHANNELS = { Channel.EMAIL, Channel.EMAIL, Channel.CHAT, Channel.PORTAL,
            Channel.PHONE, Channel.API };

    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final ContactManagement contacts;
    private final CaseManagement cases;
    private final ContactIndex index;
    private final Embedder embedder;
    private final Journal journal;
    private final StorageFigures storage;
    private final TransactionTemplate transaction;
    private final Environment environment;
    private final int contactCount;
    private final int needCount;
    private final int customerCount;
    private final int stopAt;
    private final Path dataDir;
    private final JsonMapper json;
    private final AgentAccounts accounts;
    private final ApiTokenManagement tokens;
    private final String adminPassword = UUID.randomUUID().toString();
    private final PrintStream out = System.out;

    LoadBenchmark(CustomerManagement customers, NeedManagement needs, ContactManagement contacts, CaseManagement cases,
            ContactIndex index, Embedder embedder, Journal journal, StorageFigures storage, TransactionTemplate transaction,
            Environment environment, @Value("${repdesk.eval.contacts:100000}") int contactCount,
            @Value("${repdesk.eval.needs:10000}") int needCount,
            @Value("${repdesk.eval.customers:10000}") int customerCount,
            @Value("${repdesk.eval.stop-at:0}") int stopAt,
            @Value("${repdesk.db.data-dir}") Path dataDir, AgentAccounts accounts, ApiTokenManagement tokens,
            JsonMapper json) {
        this.customers = customers;
        this.needs = needs;
        this.contacts = contacts;
        this.cases = cases;
        this.index = index;
        this.embedder = embedder;
        this.journal = journal;
        this.storage = storage;
        this.transaction = transaction;
        this.environment = environment;
        this.contactCount = Math.max(1, contactCount);
        this.needCount = Math.max(1, needCount);
        this.customerCount = Math.max(1, customerCount);
        this.stopAt = stopAt;
        this.dataDir = dataDir;
        this.json = json;
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("benchmark", null, List.of()));
        Path pause = dataDir.resolve(PAUSE);
        Files.deleteIfExists(pause); // a pause asked of an earlier run is spent
        LoadWorkload workload = new LoadWorkload(needCount, 10);
        LoadState kept = LoadState.read(dataDir, json);
        Progress run;
        if (kept == null) {
            accounts.create(ADMIN, "Load benchmark", Role.ADMIN, adminPassword);
            List<CustomerId> people = registerCustomers(workload);
            List<NeedId> needIds = defineNeeds(workload);
            run = new Progress(people, needIds, Instant.now().minus(Duration.ofDays(LoadWorkload.DAYS)).toEpochMilli());
        } else {
            if (kept.contacts() != contactCount || kept.needs() != needCount || kept.customers() != customerCount) {
                throw new IllegalStateException(String.format(Locale.ROOT, "%s holds a run of %,d contacts, %,d needs"
                        + " and %,d customers; continue it with the same --contacts, --needs and --customers",
                        dataDir, kept.contacts(), kept.needs(), kept.customers()));
            }
            accounts.setPassword(ADMIN, adminPassword, "benchmark");
            run = new Progress(kept);
            out.printf(Locale.ROOT, "Continuing the run kept in %s: %,d of its %,d contacts recorded%n", dataDir,
                    run.recorded, contactCount);
        }
        int until = Math.min(contactCount, stopAt > 0 ? stopAt : contactCount);
        boolean paused = ingest(workload, run, until, pause);
        run.save();
        if (paused) {
            out.printf(Locale.ROOT, "bench load paused at %,d of %,d contacts; the same command continues the run%n",
                    run.recorded, contactCount);
            return;
        }
        Map<String, String> results = new LinkedHashMap<>();
        results.put("contacts", Integer.toString(run.recorded));
        results.put("of", Integer.toString(contactCount));
        results.put("needs", Integer.toString(needCount));
        results.put("customers", Integer.toString(customerCount));
        run.segmentFigures(results);
        measureRequests(run.people, run.needIds, run.openedSample, run.lastContactDay, workload, results);
        figures(results);
        run.measured();
        StringBuilder line = new StringBuilder("bench load");
        results.forEach((k, v) -> line.append(' ').append(k).append('=').append(v));
        out.println(line);
    }

    /** The run as it goes: what {@link LoadState} keeps, in working form. */
    private final class Progress {
        final List<CustomerId> people;
        final List<NeedId> needIds;
        final long startMillis;
        int recorded;
        /** The day of the last contact recorded (UTC): the SLA report is asked for the weeks up to it. */
        java.time.LocalDate lastContactDay = java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        int openedCount;
        final List<CaseId> openedSample = java.util.Collections.synchronizedList(new ArrayList<>());
        final Map<Integer, CaseId> lastCase = new ConcurrentHashMap<>();
        int segmentFrom;
        double segmentIngestSeconds;
        double segmentTotalSeconds;
        long segmentEmbedded;

        Progress(List<CustomerId> people, List<NeedId> needIds, long startMillis) {
            this.people = people;
            this.needIds = needIds;
            this.startMillis = startMillis;
        }

        Progress(LoadState state) {
            this(state.customerIds().stream().map(CustomerId::of).toList(),
                    state.needIds().stream().map(NeedId::of).toList(), state.startMillis());
            recorded = state.recorded();
            openedCount = state.openedCount();
            state.openedSample().forEach(id -> openedSample.add(CaseId.of(id)));
            state.lastCase().forEach((customer, id) -> lastCase.put(customer, CaseId.of(id)));
            segmentFrom = state.segmentFrom();
            segmentIngestSeconds = state.segmentIngestSeconds();
            segmentTotalSeconds = state.segmentTotalSeconds();
            segmentEmbedded = state.segmentEmbedded();
        }

        void save() throws IOException {
            Map<Integer, String> last = new java.util.HashMap<>();
            lastCase.forEach((customer, id) -> last.put(customer, id.toString()));
            new LoadState(contactCount, needCount, customerCount, startMillis, recorded,
                    people.stream().map(CustomerId::toString).toList(), needIds.stream().map(NeedId::toString).toList(),
                    openedCount, List.copyOf(openedSample).stream().map(CaseId::toString).toList(), last, segmentFrom,
                    segmentIngestSeconds, segmentTotalSeconds, segmentEmbedded).write(dataDir, json);
        }

        /** Throughput of the contacts recorded since the last measurement (over every run that recorded them). */
        void segmentFigures(Map<String, String> results) {
            int segment = recorded - segmentFrom;
            results.put("cases", Integer.toString(openedCount));
            results.put("segment_from", Integer.toString(segmentFrom));
            boolean any = segment > 0 && segmentIngestSeconds > 0;
            results.put("ingest_per_s", any ? String.format(Locale.ROOT, "%.0f", segment / segmentIngestSeconds) : "–");
            results.put("ingest_match_per_s", any ? String.format(Locale.ROOT, "%.0f", segment / segmentTotalSeconds)
                    : "–");
            results.put("ingest_s", String.format(Locale.ROOT, "%.1f", segmentIngestSeconds));
            results.put("ingest_match_s", String.format(Locale.ROOT, "%.1f", segmentTotalSeconds));
            // texts the model ran on per contact recorded: 1.0 when the index and matching share each contact's vector
            results.put("embedded_per_contact", any ? String.format(Locale.ROOT, "%.2f", segmentEmbedded
                    / (double) segment) : "–");
        }

        void measured() throws IOException {
            segmentFrom = recorded;
            segmentIngestSeconds = 0;
            segmentTotalSeconds = 0;
            segmentEmbedded = 0;
            save();
        }
    }

    private List<CustomerId> registerCustomers(LoadWorkload workload) {
        int organizations = Math.max(1, customerCount / 20);
        List<OrganizationId> orgs = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < organizations; i++) {
                orgs.add(customers.registerOrganization("Load Org " + i, new String[] { "Starter", "Plus",
                        "Business" }[i % 3]).id());
            }
        });
        List<CustomerId> people = new ArrayList<>(customerCount);
        ProgressBar bar = new ProgressBar(out, "Customers", customerCount);
        for (int from = 0; from < customerCount; from += 500) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 500, customerCount); i++) {
                    people.add(customers.register(new NewCustomer(orgs.get(i % orgs.size()), "Load Customer " + i,
                            "customer" + i + "@load.invalid", workload.profile(i), null)).id());
                }
            });
            bar.update(Math.min(from + 500, customerCount));
        }
        bar.done();
        return people;
    }

    private List<NeedId> defineNeeds(LoadWorkload workload) {
        List<NeedId> ids = new ArrayList<>(needCount);
        ProgressBar bar = new ProgressBar(out, "Needs", needCount);
        List<LoadWorkload.Need> all = workload.needs();
        for (int from = 0; from < all.size(); from += 200) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 200, all.size()); i++) {
                    LoadWorkload.Need need = all.get(i);
                    NeedId id = needs.define(need.definition()).id();
                    switch (need.shape()) {
                        case ELIMINATED -> needs.moveTo(id, LifecycleStage.PREVENT);
                        case FADING -> needs.moveTo(id, LifecycleStage.EMPOWER);
                        default -> {
                        }
                    }
                    ids.add(id);
                }
            });
            bar.update(Math.min(from + 200, all.size()));
        }
        bar.done();
        return ids;
    }

    /**
     * Records the run's contacts in time order from where it stands up to {@code until} (or until the pause file
     * appears), then waits until matching has seen every new case and the index every entry.
     *
     * @return whether it stopped for the pause file
     */
    private boolean ingest(LoadWorkload workload, Progress run, int until, Path pause) throws Exception {
        int[] needOf = new int[contactCount];
        long[] when = new long[contactCount];
        Instant start = Instant.ofEpochMilli(run.startMillis);
        for (int i = 0; i < contactCount; i++) {
            needOf[i] = workload.drawNeed();
            when[i] = start.plus(Duration.ofDays(workload.drawDay(needOf[i])))
                    .plusSeconds(workload.nextInt(86_400)).toEpochMilli();
        }
        Integer[] order = new Integer[contactCount];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (x, y) -> Long.compare(when[x], when[y]));
        workload.continueFrom(run.recorded);

        int from = run.recorded;
        List<CustomerId> people = run.people;
        AtomicInteger next = new AtomicInteger(from);
        AtomicInteger done = new AtomicInteger(from);
        AtomicInteger opened = new AtomicInteger();
        AtomicBoolean pausing = new AtomicBoolean();
        ProgressBar bar = new ProgressBar(out, "Contacts", until).resumingAt(from);
        bar.update(from);
        long embeddedBefore = embedder.computed();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(INGEST_THREADS)) {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < INGEST_THREADS; w++) {
                workers.add(pool.submit(() -> {
                    SecurityContextHolder.getContext().setAuthentication(
                            UsernamePasswordAuthenticationToken.authenticated("benchmark", null, List.of()));
                    int k;
                    while (!pausing.get() && (k = next.getAndIncrement()) < until) {
                        int i = order[k];
                        int customer = workload.nextInt(people.size());
                        CaseId followUp = workload.nextInt(4) == 0 ? run.lastCase.get(customer) : null;
                        String text = workload.text(needOf[i]);
                        var recorded = contacts.record(new NewContact(people.get(customer), followUp,
                                CHANNELS[workload.nextInt(CHANNELS.length)], Direction.INBOUND,
                                Instant.ofEpochMilli(when[i]), subject(text), text, null, "load-" + i, null, null));
                        CaseId caseId = recorded.contact().caseId();
                        if (followUp == null) {
                            opened.incrementAndGet();
                            if (run.openedSample.size() < OPENED_SAMPLE) {
                                run.openedSample.add(caseId);
                            }
                        }
                        run.lastCase.put(customer, caseId);
                        int d = done.incrementAndGet();
                        if (d % 500 == 0) {
                            bar.update(d);
                        }
                        if (k % 200 == 0 && Files.exists(pause)) {
                            pausing.set(true);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        }
        bar.done();
        int recordedNow = Math.min(next.get(), until);
        double ingestSeconds = (System.nanoTime() - t0) / 1e9;
        boolean paused = pausing.get() && recordedNow < until;
        long head = journal.head();
        long backlog = cases.matchingBacklog();
        if (paused) {
            // stopped at once: the matching queue and the index's backlog are in the database and the journal, and
            // the next run waits for them, so their time counts there
            out.printf(Locale.ROOT, "Paused with %,d cases waiting for matching; the next run finishes them%n", backlog);
        } else {
            ProgressBar matching = new ProgressBar(out, "Matching and indexing", Math.max(backlog, opened.get()));
            long total = Math.max(backlog, opened.get());
            while ((backlog = cases.matchingBacklog()) > 0 || index.appliedSequence() < head) {
                matching.update(total - Math.min(backlog, total));
                index.awaitSequence(head, Duration.ofMillis(500));
            }
            matching.done();
        }
        double totalSeconds = (System.nanoTime() - t0) / 1e9;
        int count = recordedNow - from;
        out.printf(Locale.ROOT, "Recorded %,d contacts (%,d new cases) in %.1f s: %.0f contacts/s; matched and"
                + " indexed all in %.1f s: %.0f contacts/s%n", count, opened.get(), ingestSeconds,
                count / ingestSeconds, totalSeconds, count / totalSeconds);
        long embedded = embedder.computed() - embeddedBefore;
        out.printf(Locale.ROOT, "Embedded %.2f texts per contact%n", embedded / (double) Math.max(1, count));
        run.recorded = recordedNow;
        if (recordedNow > 0) {
            run.lastContactDay = java.time.LocalDate.ofInstant(Instant.ofEpochMilli(when[order[recordedNow - 1]]),
                    java.time.ZoneOffset.UTC);
        }
        run.openedCount += opened.get();
        run.segmentIngestSeconds += ingestSeconds;
        run.segmentTotalSeconds += totalSeconds;
        run.segmentEmbedded += embedded;
        return paused;
    }

    private static String subject(String text) {
        String first = text.strip();
        return first.length() > 60 ? first.substring(0, 60) : first;
    }

    private void measureRequests(List<CustomerId> people, List<NeedId> needIds, List<CaseId> opened,
            java.time.LocalDate lastContactDay,
            LoadWorkload workload, Map<String, String> results) {
        String base = "http://localhost:" + environment.getProperty("local.server.port");
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(http, base);
        // integrations send an API token (its SHA-256 is looked up); HTTP Basic checks an agent's password (BCrypt,
        // made slow on purpose) on every request, so it is timed as well, but not as the API's figure
        String bearer = "Bearer " + tokens.issue(new NewApiToken("bench-load " + Instant.now().toEpochMilli(),
                java.util.Set.of(ApiScope.CONTACTS_WRITE), Instant.now().plus(Duration.ofDays(1)))).value();
        String basic = "Basic " + Base64.getEncoder().encodeToString((ADMIN + ":" + adminPassword)
                .getBytes(StandardCharsets.UTF_8));
        List<String> references = List.copyOf(opened).stream().limit(OPENED_SAMPLE).map(id -> cases.get(id).reference()).toList();
        AtomicInteger created = new AtomicInteger();
        Map<String, IntFunction<HttpRequest>> requests = new LinkedHashMap<>();
        IntFunction<String> contact = i -> "{\"customerId\":\"" + people.get(workload.nextInt(people.size()))
                + "\",\"channel\":\"API\",\"subject\":\"Load request\",\"body\":\""
                + workload.text(workload.drawNeed()).replace("\\", " ").replace("\"", "'")
                + "\",\"idempotencyKey\":\"load-api-" + created.incrementAndGet() + "\"}";
        requests.put("api_contact_create", i -> HttpRequest.newBuilder(URI.create(base + "/api/v1/contacts"))
                .header("Authorization", bearer).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact.apply(i))).build());
        requests.put("api_contact_create_basic", i -> HttpRequest.newBuilder(URI.create(base
                + "/api/v1/contacts"))
                .header("Authorization", basic).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(contact.apply(i))).build());
        requests.put("inbox", i -> get(base + "/inbox"));
        requests.put("case_page", i -> get(base + "/cases/" + references.get(i % references.size())));
        requests.put("need_page", i -> get(base + "/needs/" + needIds.get(i % Math.min(needIds.size(), 500))));
        requests.put("needs_dashboard", i -> get(base + "/needs"));
        // the report's default range (eight weeks) ending on the last contact's day, so that a run measured after
        // the first part of its contacts (all dated in the run's first months) reports on as many cases as a
        // run of that size
        requests.put("sla_report", i -> get(base + "/admin/sla-report?to=" + lastContactDay));
        requests.put("agent_search", i -> get(base + "/search?q=" + URLEncoder.encode(
                workload.text(workload.drawNeed()), StandardCharsets.UTF_8)));
        for (var entry : requests.entrySet()) {
            List<Double> millis = new ArrayList<>();
            long warmUpEnds = System.nanoTime() + WARM_UP_LIMIT.toNanos();
            long measuredEnds = Long.MAX_VALUE;
            int i = 0;
            while (millis.size() < REQUESTS && !(millis.size() >= MIN_REQUESTS && System.nanoTime() > measuredEnds)) {
                HttpRequest request = entry.getValue().apply(i++);
                long t0 = System.nanoTime();
                HttpResponse<String> response = send(http, request);
                double ms = (System.nanoTime() - t0) / 1e6;
                if (response.statusCode() >= 300) {
                    throw new IllegalStateException(entry.getKey() + ": " + request.uri() + " answered "
                            + response.statusCode());
                }
                boolean warm = i > WARM_UP || System.nanoTime() > warmUpEnds;
                if (warm) {
                    if (measuredEnds == Long.MAX_VALUE) {
                        measuredEnds = System.nanoTime() + MEASURED_LIMIT.toNanos();
                    }
                    millis.add(ms);
                }
            }
            double p50 = Metrics.percentile(millis, 50);
            double p99 = Metrics.percentile(millis, 99);
            out.printf(Locale.ROOT, "%-26s p50 %7.1f ms   p99 %7.1f ms   (%d requests, one at a time)%n",
                    entry.getKey(), p50, p99, millis.size());
            results.put(entry.getKey() + "_p50_ms", String.format(Locale.ROOT, "%.1f", p50));
            results.put(entry.getKey() + "_p99_ms", String.format(Locale.ROOT, "%.1f", p99));
            results.put(entry.getKey() + "_n", Integer.toString(millis.size()));
        }
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private void signIn(HttpClient http, String base) {
        Matcher m = CSRF.matcher(send(http, get(base + "/login")).body());
        if (!m.find()) {
            throw new IllegalStateException("No CSRF token on the sign-in page");
        }
        String form = "username=" + ADMIN + "&password=" + URLEncoder.encode(adminPassword, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(m.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = send(http, HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (signedIn.headers().firstValue("Location").filter(l -> !l.contains("error")).isEmpty()) {
            throw new IllegalStateException("Signing in failed: " + signedIn.statusCode() + " "
                    + signedIn.headers().firstValue("Location").orElse(""));
        }
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void figures(Map<String, String> results) throws IOException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long rss = rssBytes();
        long database = storage.databaseBytes();
        long indexBytes = size(dataDir.resolve("index"));
        out.printf(Locale.ROOT, "Heap after a full collection %d MiB, RSS %d MiB, database %d MiB (%,d journal entries),"
                + " search index %d MiB%n", heap >> 20, rss >> 20, database >> 20, storage.journalEntries(),
                indexBytes >> 20);
        results.put("heap_mib", Long.toString(heap >> 20));
        results.put("rss_mib", Long.toString(rss >> 20));
        results.put("db_mib", Long.toString(database >> 20));
        results.put("index_mib", Long.toString(indexBytes >> 20));
    }

    private static long rssBytes() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.exists(status)) {
            return 0;
        }
        return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0L);
    }

    private static long size(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        }
    }
}

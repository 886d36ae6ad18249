package io.repdesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.security.AgentAccounts;
import io.repdesk.security.ApiScope;
import io.repdesk.security.ApiTokenManagement;
import io.repdesk.security.NewApiToken;
import io.repdesk.security.PortalAccounts;
import io.repdesk.security.Role;
import io.repdesk.shared.CustomerId;

/**
 * The permission matrix, tested as a matrix: every endpoint repdesk serves, called over HTTP by an agent of
 * every role, a portal customer, an API token holding every scope and someone not signed in, must be let
 * through or refused exactly as the two tables below say. The tables are written by hand, apart from the
 * code they check: changing who may do what means changing them too, and docs/security.md.
 */
@RepdeskIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PermissionMatrixIntegrationTests {

    /** The permission each endpoint needs. A new endpoint fails this test until it is listed here. */
    static final String ENDPOINTS = """
            GET /admin/agents                                                ADMINISTER
            POST /admin/agents                                               ADMINISTER
            POST /admin/agents/{username}                                    ADMINISTER
            POST /admin/agents/{username}/password                           ADMINISTER
            GET /admin/api-tokens                                            ADMINISTER
            POST /admin/api-tokens                                           ADMINISTER
            POST /admin/api-tokens/{id}/revoke                               ADMINISTER
            GET /admin/calendars                                             CONFIGURE_SUPPORT
            GET /admin/calendars/new                                         CONFIGURE_SUPPORT
            GET /admin/calendars/{id}                                        CONFIGURE_SUPPORT
            POST /admin/calendars                                            CONFIGURE_SUPPORT
            POST /admin/calendars/{id}                                       CONFIGURE_SUPPORT
            GET /admin/escalation-rules                                      CONFIGURE_SUPPORT
            GET /admin/escalation-rules/new                                  CONFIGURE_SUPPORT
            GET /admin/escalation-rules/{id}                                 CONFIGURE_SUPPORT
            POST /admin/escalation-rules                                     CONFIGURE_SUPPORT
            POST /admin/escalation-rules/{id}                                CONFIGURE_SUPPORT
            GET /admin/mailboxes                                             ADMINISTER
            GET /admin/outbox                                                ADMINISTER
            POST /admin/outbox/{id}/send-again                               ADMINISTER
            GET /admin/sla-policies                                          CONFIGURE_SUPPORT
            GET /admin/test-environments                                     CONFIGURE_SUPPORT
            POST /admin/test-environments                                    CONFIGURE_SUPPORT
            POST /admin/test-environments/{id}/delete                        CONFIGURE_SUPPORT
            GET /admin/sla-policies/new                                      CONFIGURE_SUPPORT
            GET /admin/sla-policies/{id}                                     CONFIGURE_SUPPORT
            POST /admin/sla-policies                                         CONFIGURE_SUPPORT
            POST /admin/sla-policies/{id}                                    CONFIGURE_SUPPORT
            GET /admin/sla-report                                            VIEW_REPORTS
            GET /admin/sla-report.csv                                        VIEW_REPORTS
            GET /admin/teams                                                 CONFIGURE_SUPPORT
            GET /admin/teams/new                                             CONFIGURE_SUPPORT
            GET /admin/teams/{id}                                            CONFIGURE_SUPPORT
            POST /admin/teams                                                CONFIGURE_SUPPORT
            POST /admin/teams/{id}                                           CONFIGURE_SUPPORT
            GET /admin/tiers                                                 CONFIGURE_SUPPORT
            POST /admin/tiers                                                CONFIGURE_SUPPORT
            GET /admin/webhooks                                              ADMINISTER
            GET /admin/webhooks/new                                          ADMINISTER
            GET /admin/webhooks/{id}                                         ADMINISTER
            GET /admin/webhooks/{id}/deliveries                              ADMINISTER
            POST /admin/webhooks                                             ADMINISTER
            POST /admin/webhooks/{id}                                        ADMINISTER
            POST /admin/webhooks/{id}/deactivate                             ADMINISTER
            POST /admin/webhooks/{id}/secret                                 ADMINISTER
            POST /admin/webhooks/{id}/test                                   ADMINISTER
            POST /admin/webhooks/{id}/deliveries/{deliveryId}/retry          ADMINISTER
            GET /api/v1/cases                                                VIEW_WORK
            GET /api/v1/cases/{id}                                           VIEW_WORK
            GET /api/v1/cases/{id}/audit                                     VIEW_WORK
            PUT /api/v1/cases/{id}/need                                      WORK_CASES
            POST /api/v1/cases/{id}/need/confirm                             WORK_CASES
            POST /api/v1/cases/{id}/new-need                                 WORK_CASES
            POST /api/v1/cases/{id}/status                                   WORK_CASES
            POST /api/v1/cases/{id}/merge                                    WORK_CASES
            POST /api/v1/contacts                                            WORK_CASES
            GET /api/v1/contacts                                             VIEW_WORK
            GET /api/v1/contacts/{id}                                        VIEW_WORK
            POST /api/v1/organizations                                       EDIT_CUSTOMERS
            GET /api/v1/organizations                                        VIEW_WORK
            GET /api/v1/organizations/{id}                                   VIEW_WORK
            POST /api/v1/customers                                           EDIT_CUSTOMERS
            GET /api/v1/customers                                            VIEW_WORK
            GET /api/v1/customers/{id}                                       VIEW_WORK
            GET /api/v1/customers/{id}/audit                                 VIEW_WORK
            GET /api/v1/customers/{id}/timeline                              VIEW_WORK
            PUT /api/v1/customers/{id}/environment                           EDIT_CUSTOMERS
            GET /api/v1/teams                                                VIEW_WORK
            POST /api/v1/teams                                               CONFIGURE_SUPPORT
            PUT /api/v1/teams/{id}                                           CONFIGURE_SUPPORT
            GET /api/v1/escalation-rules                                     VIEW_WORK
            POST /api/v1/escalation-rules                                    CONFIGURE_SUPPORT
            PUT /api/v1/escalation-rules/{id}                                CONFIGURE_SUPPORT
            GET /api/v1/cases/{id}/escalations                               VIEW_WORK
            POST /api/v1/cases/{id}/escalations                              WORK_CASES
            POST /api/v1/cases/{id}/queue                                    WORK_CASES
            GET /api/v1/intake-flows                                         VIEW_WORK
            POST /api/v1/intake-flows                                        CONFIGURE_SUPPORT
            GET /api/v1/intake-flows/{id}                                    VIEW_WORK
            PUT /api/v1/intake-flows/{id}                                    CONFIGURE_SUPPORT
            GET /api/v1/intake-flows/{id}/versions                           VIEW_WORK
            GET /api/v1/cases/{id}/intake                                    VIEW_WORK
            PUT /api/v1/cases/{id}/intake                                    WORK_CASES
            POST /api/v1/cases/{id}/intake/requests                          WORK_CASES
            POST /api/v1/needs                                               SHAPE_NEEDS
            GET /api/v1/needs                                                VIEW_WORK
            GET /api/v1/needs/{id}                                           VIEW_WORK
            GET /api/v1/needs/{id}/audit                                     VIEW_WORK
            POST /api/v1/needs/{id}/merge                                    SHAPE_NEEDS
            POST /api/v1/needs/{id}/stage                                    SHAPE_NEEDS
            GET /api/v1/needs/{id}/evidence                                  VIEW_WORK
            GET /api/v1/needs/{id}/handoff                                   VIEW_WORK
            POST /api/v1/needs/{id}/handoff                                  SHAPE_NEEDS
            POST /api/v1/needs/{id}/fixes                                    SHAPE_NEEDS
            POST /api/v1/needs/{id}/fixes/{fixId}/release                    SHAPE_NEEDS
            GET /api/v1/calendars                                            VIEW_WORK
            POST /api/v1/calendars                                           CONFIGURE_SUPPORT
            PUT /api/v1/calendars/{id}                                       CONFIGURE_SUPPORT
            GET /api/v1/sla-policies                                         VIEW_WORK
            POST /api/v1/sla-policies                                        CONFIGURE_SUPPORT
            PUT /api/v1/sla-policies/{id}                                    CONFIGURE_SUPPORT
            GET /api/v1/cases/{id}/sla                                       VIEW_WORK
            GET /api/v1/tiers                                                VIEW_WORK
            PUT /api/v1/tiers/{tier}                                         CONFIGURE_SUPPORT
            POST /api/v1/webhooks                                            ADMINISTER
            GET /api/v1/webhooks                                             ADMINISTER
            GET /api/v1/webhooks/{id}                                        ADMINISTER
            PUT /api/v1/webhooks/{id}                                        ADMINISTER
            POST /api/v1/webhooks/{id}/secret                                ADMINISTER
            GET /api/v1/webhooks/{id}/deliveries                             ADMINISTER
            POST /api/v1/webhooks/{id}/test                                  ADMINISTER
            POST /api/v1/webhooks/{id}/deliveries/{deliveryId}/retry         ADMINISTER
            GET /portal                                                      PORTAL
            GET /portal/cases/{reference}                                    PORTAL
            POST /portal/cases/{reference}/reply                             PORTAL
            POST /portal/cases/{reference}/survey                            PORTAL
            GET /portal/cases/{reference}/files/{contactId}/{position}       PORTAL
            GET /portal/login                                                ANYONE
            POST /portal/login/email                                         ANYONE
            GET /portal/login/link                                           ANYONE
            GET /portal/password                                             PORTAL
            POST /portal/password                                            PORTAL
            GET /portal/requests/new                                         PORTAL
            POST /portal/requests/new/questions                              PORTAL
            POST /portal/requests                                            PORTAL
            GET /cases/{reference}/attachments/{contactId}/{position}        VIEW_WORK
            GET /cases/{reference}                                           VIEW_WORK
            GET /cases/{reference}/history                                   VIEW_WORK
            POST /cases/{reference}/need                                     WORK_CASES
            POST /cases/{reference}/confirm                                  WORK_CASES
            POST /cases/{reference}/new-need                                 WORK_CASES
            POST /cases/{reference}/escalate                                 WORK_CASES
            POST /cases/{reference}/reply                                    WORK_CASES
            POST /cases/{reference}/notes                                    WORK_CASES
            POST /cases/{reference}/merge                                    WORK_CASES
            POST /cases/{reference}/queue                                    WORK_CASES
            POST /cases/{reference}/priority                                 WORK_CASES
            POST /cases/{reference}/status                                   WORK_CASES
            GET /customers/{id}                                              VIEW_WORK
            GET /customers/{id}/history                                      VIEW_WORK
            POST /customers/{id}/goodwill                                    EDIT_CUSTOMERS
            POST /contacts/{id}/mark                                         WORK_CASES
            GET /needs/emerging                                              VIEW_WORK
            POST /needs/emerging/refresh                                     SHAPE_NEEDS
            POST /needs/emerging/{id}/promote                                SHAPE_NEEDS
            POST /needs/emerging/{id}/dismiss                                SHAPE_NEEDS
            GET /insight/assembly-line                                       VIEW_REPORTS
            GET /insight/assembly-line/{table}.csv                           VIEW_REPORTS
            GET /insight/demand                                              VIEW_REPORTS
            GET /insight/demand/{table}.csv                                  VIEW_REPORTS
            GET /insight/customers                                           VIEW_REPORTS
            GET /insight/customers/peers.csv                                 VIEW_REPORTS
            GET /insight/teams                                               VIEW_REPORTS
            GET /insight/teams/{table}.csv                                   VIEW_REPORTS
            GET /insight/listening                                           VIEW_REPORTS
            GET /insight/listening/{table}.csv                               VIEW_REPORTS
            GET /inbox                                                       VIEW_WORK
            GET /inbox/needs/{id}                                            VIEW_WORK
            GET /admin/intake                                                CONFIGURE_SUPPORT
            GET /admin/intake/new                                            CONFIGURE_SUPPORT
            POST /admin/intake/new                                           CONFIGURE_SUPPORT
            GET /admin/intake/{id}                                           CONFIGURE_SUPPORT
            POST /admin/intake/{id}                                          CONFIGURE_SUPPORT
            GET /cases/{reference}/intake                                    VIEW_WORK
            POST /cases/{reference}/intake/flow                              WORK_CASES
            POST /cases/{reference}/intake/answers                           WORK_CASES
            POST /cases/{reference}/intake/request                           WORK_CASES
            GET /login                                                       ANYONE
            GET /                                                            ANYONE
            GET /needs                                                       VIEW_WORK
            GET /needs/lookup                                                VIEW_WORK
            GET /needs/{id}                                                  VIEW_WORK
            GET /needs/{id}/history                                          VIEW_WORK
            POST /needs/{id}/reply-all                                       SHAPE_NEEDS
            POST /needs/{id}/merge                                           SHAPE_NEEDS
            POST /needs/{id}/split                                           SHAPE_NEEDS
            GET /needs/{id}/evidence                                         VIEW_WORK
            GET /needs/{id}/evidence.csv                                     VIEW_WORK
            GET /needs/{id}/evidence.md                                      VIEW_WORK
            GET /needs/{id}/evidence.json                                    VIEW_WORK
            POST /needs/{id}/handoff                                         SHAPE_NEEDS
            POST /needs/{id}/fixes                                           SHAPE_NEEDS
            POST /needs/{id}/fixes/{fixId}/release                           SHAPE_NEEDS
            POST /needs/{id}/verify                                          SHAPE_NEEDS
            GET /prevent                                                     VIEW_WORK
            POST /prevent/recommendations/accept                             SHAPE_NEEDS
            POST /prevent/recommendations/dismiss                            SHAPE_NEEDS
            GET /needs/{id}/notices/new                                      SHAPE_NEEDS
            POST /needs/{id}/notices                                         SHAPE_NEEDS
            GET /notices/opt-out/{token}                                     ANYONE
            POST /notices/opt-out/{token}                                    ANYONE
            GET /survey/{token}                                              ANYONE
            POST /survey/{token}                                             ANYONE
            POST /customers/{id}/notice-preference                           EDIT_CUSTOMERS
            POST /customers/{id}/environment                                 EDIT_CUSTOMERS
            GET /api/v1/customers/{id}/notice-preference                     VIEW_WORK
            PUT /api/v1/customers/{id}/notice-preference                     EDIT_CUSTOMERS
            GET /queues                                                      VIEW_WORK
            GET /queues/{id}                                                 VIEW_WORK
            POST /api/v1/articles                                            WRITE_KNOWLEDGE
            GET /api/v1/articles                                             VIEW_WORK
            GET /api/v1/articles/search                                      VIEW_WORK
            GET /api/v1/articles/{id}                                        VIEW_WORK
            PUT /api/v1/articles/{id}                                        WRITE_KNOWLEDGE
            POST /api/v1/articles/{id}/publish                               WRITE_KNOWLEDGE
            POST /api/v1/articles/{id}/archive                               WRITE_KNOWLEDGE
            GET /api/v1/articles/{id}/versions                               VIEW_WORK
            GET /api/v1/articles/{id}/measures                               VIEW_WORK
            POST /api/v1/articles/{id}/reuses                                WORK_CASES
            GET /api/v1/public/articles/search                               ANYONE
            GET /api/v1/public/articles/{reference}                          ANYONE
            GET /portal/help                                                 ANYONE
            GET /portal/articles/{reference}                                 ANYONE
            GET /portal/articles/{reference}/inline                          PORTAL
            POST /portal/articles/{reference}/solved                         ANYONE
            POST /portal/requests/new/suggestions                            PORTAL
            GET /articles                                                    VIEW_WORK
            GET /articles/new                                                WRITE_KNOWLEDGE
            POST /articles                                                   WRITE_KNOWLEDGE
            GET /articles/{reference}                                        VIEW_WORK
            GET /articles/{reference}/edit                                   WRITE_KNOWLEDGE
            POST /articles/{reference}                                       WRITE_KNOWLEDGE
            POST /articles/preview                                           WRITE_KNOWLEDGE
            POST /articles/{reference}/publish                               WRITE_KNOWLEDGE
            POST /articles/{reference}/archive                               WRITE_KNOWLEDGE
            GET /articles/{reference}/history                                VIEW_WORK
            POST /cases/{reference}/reuse/{article}                          WORK_CASES
            POST /cases/{reference}/reuses/{reuseId}/flag                    WORK_CASES
            POST /needs/{id}/workaround                                      WRITE_KNOWLEDGE
            GET /search                                                      VIEW_WORK
            """;

    /** The permissions each role holds ("x"), in the column order of the header. */
    static final String ROLES = """
                              VIEW_WORK WORK_CASES EDIT_CUSTOMERS SHAPE_NEEDS WRITE_KNOWLEDGE VIEW_REPORTS CONFIGURE_SUPPORT ADMINISTER
            TIER_1_AGENT      x         x          x              .           .               .            .                 .
            TIER_2_AGENT      x         x          x              x           x               .            .                 .
            ENGINEER          x         x          .              x           .               .            .                 .
            KNOWLEDGE_AUTHOR  x         .          .              .           x               .            .                 .
            ACCOUNT_MANAGER   x         .          .              .           .               .            .                 .
            MANAGER           x         x          x              x           x               x            x                 .
            ADMIN             x         x          x              x           x               x            x                 x
            """;

    private static final String PASSWORD = "matrix-password-1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    AgentAccounts agents;

    @Autowired
    PortalAccounts portal;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ApiTokenManagement tokens;

    Map<String, String> expected;
    Map<String, Set<String>> held;
    final String suffix = UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    void readTables() {
        expected = new LinkedHashMap<>();
        for (String line : ENDPOINTS.strip().split("\n")) {
            String[] parts = line.strip().split("\\s+");
            expected.put(parts[0] + " " + parts[1], parts[2]);
        }
        held = new LinkedHashMap<>();
        String[] lines = ROLES.strip().split("\n");
        String[] permissions = lines[0].strip().split("\\s+");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].strip().split("\\s+");
            Set<String> of = new TreeSet<>();
            for (int p = 0; p < permissions.length; p++) {
                if (cells[p + 1].equals("x")) {
                    of.add(permissions[p]);
                }
            }
            held.put(cells[0], of);
        }
    }

    @Test
    void everyEndpointIsListedWithThePermissionItNeeds() {
        assertThat(new TreeSet<>(served())).as("endpoints repdesk serves, against the table")
                .isEqualTo(new TreeSet<>(expected.keySet()));
        assertThat(held.keySet()).as("roles in the table").containsExactlyInAnyOrderElementsOf(
                Arrays.stream(Role.values()).map(Role::name).toList());
    }

    @Test
    void everyRoleIsLetThroughExactlyWhereItsPermissionsAllow() {
        List<String> wrong = new ArrayList<>();
        for (Role role : Role.values()) {
            String username = "matrix-" + role.name().toLowerCase().replace('_', '-') + "-" + suffix;
            agents.create(username, "Matrix " + role.label(), role, PASSWORD);
            Caller caller = Caller.agent(port, username, PASSWORD);
            Set<String> permissions = held.get(role.name());
            expected.forEach((endpoint, permission) -> {
                if (permission.equals("ANYONE")) {
                    return;
                }
                boolean allowed = !endpoint.contains(" /portal") && permissions.contains(permission);
                check(wrong, role.name(), endpoint, allowed, caller.call(endpoint));
            });
        }
        assertThat(wrong).as("endpoints answering against the matrix").isEmpty();
    }

    @Test
    void aPortalCustomerReachesThePortalAndNothingElse() {
        CustomerId customer = portal.withPassword(1).getFirst();
        String email = customers.get(customer).email();
        portal.setPassword(customer, PASSWORD);
        Caller caller = Caller.customer(port, email, PASSWORD);
        List<String> wrong = new ArrayList<>();
        expected.forEach((endpoint, permission) -> {
            if (!permission.equals("ANYONE")) {
                check(wrong, "customer", endpoint, permission.equals("PORTAL"), caller.call(endpoint));
            }
        });
        assertThat(wrong).as("endpoints answering against the matrix").isEmpty();
    }

    @Test
    void anApiTokenReachesTheApiOnly() {
        String token = tokens.issue(new NewApiToken("matrix-" + suffix, EnumSet.allOf(ApiScope.class), null)).value();
        Caller caller = Caller.token(port, token);
        List<String> wrong = new ArrayList<>();
        expected.forEach((endpoint, permission) -> {
            if (!permission.equals("ANYONE")) {
                check(wrong, "API token", endpoint, endpoint.contains(" /api/"), caller.call(endpoint));
            }
        });
        assertThat(wrong).as("endpoints answering against the matrix").isEmpty();
    }

    @Test
    void someoneNotSignedInReachesOnlyTheSignInPages() {
        Caller caller = Caller.anonymous(port);
        List<String> wrong = new ArrayList<>();
        expected.forEach((endpoint, permission) -> {
            boolean open = permission.equals("ANYONE") && !endpoint.equals("GET /");
            check(wrong, "anonymous", endpoint, open, caller.call(endpoint));
        });
        assertThat(wrong).as("endpoints answering against the matrix").isEmpty();
    }

    private static void check(List<String> wrong, String who, String endpoint, boolean allowed, Answer answer) {
        if (answer.status() >= 500) {
            wrong.add(who + " " + endpoint + ": server error " + answer.status());
        } else if (allowed && answer.refused()) {
            wrong.add(who + " " + endpoint + ": refused (" + answer.status() + " " + answer.location() + ") but allowed");
        } else if (!allowed && !answer.refused()) {
            wrong.add(who + " " + endpoint + ": let through (" + answer.status() + ") but refused");
        }
    }

    private List<String> served() {
        List<String> endpoints = new ArrayList<>();
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            if (!e.getValue().getBeanType().getName().startsWith("io.repdesk.")) {
                continue;
            }
            for (var method : e.getKey().getMethodsCondition().getMethods()) {
                for (String pattern : e.getKey().getPatternValues()) {
                    endpoints.add(method.name() + " " + pattern);
                }
            }
        }
        return endpoints;
    }

    /** What came back: refused means 401, 403, or a redirect to a sign-in page. */
    record Answer(int status, String location) {

        boolean refused() {
            return status == 401 || status == 403 || (status == 302 && location.contains("/login"));
        }
    }

    /** Calls endpoints as one party: a session with its CSRF token, HTTP Basic for the API, or a token. */
    static final class Caller {

        private final String base;
        private final HttpClient http;
        private final String apiAuthorization;
        private String csrf = "";

        private Caller(int port, String apiAuthorization) {
            this.base = "http://localhost:" + port;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
            this.apiAuthorization = apiAuthorization;
        }

        static Caller agent(int port, String username, String password) {
            Caller caller = new Caller(port, "Basic " + Base64.getEncoder()
                    .encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8)));
            caller.signIn("/login", Map.of("username", username, "password", password), "/inbox");
            return caller;
        }

        static Caller customer(int port, String email, String password) {
            Caller caller = new Caller(port, "");
            caller.signIn("/portal/login", Map.of("email", email, "password", password), "/portal");
            return caller;
        }

        static Caller token(int port, String token) {
            return new Caller(port, "Bearer " + token);
        }

        static Caller anonymous(int port) {
            Caller caller = new Caller(port, "");
            caller.csrf = caller.token("/login");
            return caller;
        }

        private void signIn(String page, Map<String, String> form, String landing) {
            Map<String, String> fields = new LinkedHashMap<>(form);
            fields.put("_csrf", token(page));
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)
                    + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(base + page))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
            assertThat(signedIn.headers().firstValue("Location").orElse("")).as("signing in at " + page)
                    .endsWith(landing);
            csrf = token(page);
        }

        private String token(String page) {
            Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(URI.create(base + page)).GET().build()).body());
            if (!m.find()) {
                throw new IllegalStateException("No CSRF token on " + page);
            }
            return m.group(1);
        }

        /** Calls "METHOD /path/{var}" with made-up values for the path variables and an empty body. */
        Answer call(String endpoint) {
            String[] parts = endpoint.split(" ", 2);
            String path = fill(parts[1]);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
            boolean api = path.startsWith("/api/");
            if (api && !apiAuthorization.isEmpty()) {
                request.header("Authorization", apiAuthorization);
            }
            if (parts[0].equals("GET")) {
                request.GET();
            } else if (api) {
                request.header("Content-Type", "application/json")
                        .method(parts[0], HttpRequest.BodyPublishers.ofString("{}"));
            } else {
                request.header("Content-Type", "application/x-www-form-urlencoded").header("X-CSRF-TOKEN", csrf)
                        .method(parts[0], HttpRequest.BodyPublishers.ofString(""));
            }
            HttpResponse<String> response = send(request.build());
            return new Answer(response.statusCode(), response.headers().firstValue("Location").orElse(""));
        }

        private static String fill(String pattern) {
            return pattern.replace("{reference}", "RD-99999999").replace("{tier}", "TIER_4")
                    .replace("{position}", "0").replace("{username}", "nobody-here")
                    .replaceAll("\\{[A-Za-z]+\\}", UUID.randomUUID().toString());
        }

        /** A GET of the path in this party's session, with its answer's body. */
        HttpResponse<String> get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}

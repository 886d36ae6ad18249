package io.repdesk.web.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskApplication;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.security.AgentAccounts;
import io.repdesk.security.PortalAccounts;
import io.repdesk.security.Role;

/**
 * Signing in from outside, in an app of its own (the shared test app lets every test sign in from one address
 * without limit): agents by single sign-on through an OpenID Connect provider that runs in the test, and the
 * per-address limits on sign-ins and portal posts.
 */
class SignInProtectionBrowserTests {

    static final int SIGN_INS = 6;
    static final int PORTAL_POSTS = 3;

    @TempDir
    static Path data;

    static OidcProvider provider;
    static ConfigurableApplicationContext app;
    static Browsers browsers;
    static String base;

    @BeforeAll
    static void start() {
        provider = new OidcProvider("repdesk", "test-client-secret");
        String registration = "--spring.security.oauth2.client.registration.company.";
        // Arguments, as application.properties would win over the builder's default properties.
        app = new SpringApplicationBuilder(RepdeskApplication.class).run("--server.port=0",
                "--repdesk.db.data-dir=" + data, "--repdesk.demo.enabled=false", "--repdesk.search.model=none",
                "--repdesk.casework.matching.enabled=false", "--repdesk.casework.sla-interval=0s",
                "--repdesk.need.discovery-interval-seconds=0", "--repdesk.channel.email.outbound.dispatch-interval=0s",
                "--repdesk.channel.webhook.dispatch-interval=0s", "--REPDESK_ADMIN_PASSWORD=sign-in-admin-password",
                "--repdesk.web.limits.sign-ins-per-address=" + SIGN_INS,
                "--repdesk.web.limits.portal-posts-per-address=" + PORTAL_POSTS,
                registration + "client-id=repdesk", registration + "client-secret=test-client-secret",
                registration + "client-name=Company SSO", registration + "scope=openid",
                registration + "authorization-grant-type=authorization_code",
                "--spring.security.oauth2.client.provider.company.issuer-uri=" + provider.issuer(),
                "--repdesk.security.sso.username-claim=email", "--repdesk.security.sso.email-domain=company.example");
        base = "http://localhost:" + ((WebServerApplicationContext) app).getWebServer().getPort();
        AgentAccounts agents = app.getBean(AgentAccounts.class);
        agents.create("nora.sso", "Nora Single", Role.TIER_2_AGENT, "nora-long-password");
        agents.create("otto.gone", "Otto Gone", Role.TIER_1_AGENT, "otto-long-password");
        agents.change("otto.gone", "Otto Gone", Role.TIER_1_AGENT, false, "admin");
        browsers = Browsers.launch();
    }

    @AfterAll
    static void stop() {
        if (browsers != null) {
            browsers.close();
        }
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    @Test
    void anAgentKnownToTheProviderSignsInWithSingleSignOnAndGetsTheirRole() {
        provider.signsInNext(Map.of("sub", "u-1001", "email", "Nora.SSO@company.example", "email_verified", true));
        try (BrowserContext context = browsers.browser().newContext(); Page page = context.newPage()) {
            page.navigate(base + "/inbox");
            page.getByText("Sign in with Company SSO").click();

            page.waitForURL(Pattern.compile(".*/inbox$"));
            assertThat(page.locator(".who")).hasText("nora.sso");
            page.navigate(base + "/admin/agents");
            assertThat(page.locator("body")).containsText("Not allowed");
        }
    }

    @Test
    void someoneWithoutAnAgentAccountADisabledAgentAndAnotherDomainAreRefusedWithAReason() {
        try (BrowserContext context = browsers.browser().newContext(); Page page = context.newPage()) {
            provider.signsInNext(Map.of("sub", "u-1002", "email", "stranger@company.example"));
            page.navigate(base + "/login");
            page.getByText("Sign in with Company SSO").click();
            page.waitForURL(Pattern.compile(".*/login\\?sso=unknown_agent$"));
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT))
                    .containsText("no repdesk agent account belongs to you");

            provider.signsInNext(Map.of("sub", "u-1003", "email", "otto.gone@company.example"));
            page.getByText("Sign in with Company SSO").click();
            page.waitForURL(Pattern.compile(".*/login\\?sso=disabled_agent$"));
            assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.ALERT)).containsText("disabled");

            provider.signsInNext(Map.of("sub", "u-1004", "email", "nora.sso@elsewhere.example"));
            page.getByText("Sign in with Company SSO").click();
            page.waitForURL(Pattern.compile(".*/login\\?sso=unknown_agent$"));

            provider.signsInNext(Map.of("sub", "u-1005", "email", "nora.sso@company.example", "email_verified", false));
            page.getByText("Sign in with Company SSO").click();
            page.waitForURL(Pattern.compile(".*/login\\?sso=unknown_agent$"));
            page.navigate(base + "/inbox");
            assertThat(page).hasURL(Pattern.compile(".*/login$"));
        }
    }

    @Test
    void tooManySignInsOrPortalPostsFromOneAddressAreAnswered429WithRetryAfter() {
        var paula = app.getBean(CustomerManagement.class).register(new NewCustomer(null, "Paula Posts",
                "paula@customer.example", new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        app.getBean(PortalAccounts.class).setPassword(paula.id(), "paula-long-password");
        PortalClient customer = new PortalClient(port());
        assertThat(customer.signIn("paula@customer.example", "paula-long-password").location()).endsWith("/portal");
        for (int i = 0; i < PORTAL_POSTS; i++) {
            assertThat(customer.post("/portal/requests", Map.of("subject", "", "description", "")).status())
                    .isNotEqualTo(429);
        }
        PortalClient.Response posted = customer.post("/portal/requests", Map.of("subject", "", "description", ""));
        assertThat(posted.status()).isEqualTo(429);
        assertThat(posted.body()).contains("Too many requests and replies sent from your address");

        PortalClient agent = new PortalClient(port());
        for (int i = 1; i < SIGN_INS; i++) {
            assertThat(agent.signInAsAgent("nobody.here", "wrong-password-" + i).status()).isEqualTo(302);
        }
        HttpResponse<String> refused = postForm("/login", "username=nora.sso&password=nora-long-password", "10.9.9.9");
        assertThat(refused.statusCode()).as("X-Forwarded-For is not trusted unless configured").isEqualTo(429);
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 600L);
        assertThat(refused.body()).contains("Too many sign-in attempts from your address").contains("Try again in");
        assertThat(refused.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("default-src 'none'").contains("frame-ancestors 'none'"));
        assertThat(postForm("/portal/login", "email=paula%40customer.example&password=x", "10.9.9.8").statusCode())
                .isEqualTo(429);
        assertThat(postForm("/portal/login/email", "email=paula%40customer.example", "10.9.9.7").statusCode())
                .isEqualTo(429);
    }

    private static int port() {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    private static HttpResponse<String> postForm(String path, String body, String forwardedFor) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("X-Forwarded-For", forwardedFor)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

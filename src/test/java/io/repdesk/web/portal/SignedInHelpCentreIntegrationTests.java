package io.repdesk.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import io.repdesk.RepdeskApplication;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.security.PortalAccounts;

/**
 * A help centre configured for signed-in customers only ({@code repdesk.portal.public-knowledge=false}), in an
 * app of its own: strangers are sent to sign in and the public article API asks for credentials, while a
 * signed-in customer searches as usual.
 */
class SignedInHelpCentreIntegrationTests {

    static final String PASSWORD = "signed-in-help-password";

    @TempDir
    static Path data;

    static ConfigurableApplicationContext app;
    static int port;

    @BeforeAll
    static void start() {
        app = new SpringApplicationBuilder(RepdeskApplication.class).run("--server.port=0",
                "--repdesk.db.data-dir=" + data, "--repdesk.demo.enabled=false", "--repdesk.search.model=none",
                "--repdesk.casework.matching.enabled=false", "--repdesk.casework.sla-interval=0s",
                "--repdesk.need.discovery-interval-seconds=0", "--repdesk.channel.email.outbound.dispatch-interval=0s",
                "--repdesk.channel.webhook.dispatch-interval=0s", "--REPDESK_ADMIN_PASSWORD=signed-in-help-admin",
                "--repdesk.portal.public-knowledge=false");
        port = ((WebServerApplicationContext) app).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void strangersAreSentToSignInAndTheHelpPagesStayClosed() {
        PortalClient stranger = new PortalClient(port);

        PortalClient.Response help = stranger.get("/portal/help?q=card");
        assertThat(help.status()).isEqualTo(302);
        assertThat(help.location()).contains("/portal/login");
        PortalClient.Response article = stranger.get("/portal/articles/KB-1");
        assertThat(article.status()).isEqualTo(302);
        assertThat(article.location()).contains("/portal/login");
    }

    @Test
    void thePublicArticleApiAsksForCredentials() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/v1/public/articles/search?q=card")).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).contains("API token");
    }

    @Test
    void aSignedInCustomerSearchesTheHelpCentre() {
        String email = "help-reader@example.test";
        Customer customer = app.getBean(CustomerManagement.class).register(new NewCustomer(null, "Help Reader", email,
                new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        app.getBean(PortalAccounts.class).setPassword(customer.id(), PASSWORD);
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(email, PASSWORD).location()).endsWith("/portal");

        PortalClient.Response help = client.get("/portal/help?q=card");

        assertThat(help.status()).isEqualTo(200);
        assertThat(help.body()).contains("name=\"q\"");
    }
}

package io.repdesk.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.security.PortalAccounts;

/**
 * Oversize forms and uploads in the workspace and the portal are answered 413 naming the limit (not a misleading
 * 403 for the CSRF token the container dropped), exports cannot smuggle formulas into a spreadsheet, and without a
 * provider configured the sign-in page offers no single sign-on.
 */
@RepdeskIntegrationTest
class HostileInputIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    SlaManagement sla;

    @Test
    void aPortalUploadOverTheLimitIsAnswered413NamingTheLimit() {
        String email = "big-upload-" + UUID.randomUUID() + "@example.test";
        Customer customer = customers.register(new NewCustomer(null, "Big Upload", email,
                new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        accounts.setPassword(customer.id(), PortalIntegrationTests.PASSWORD);
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(email, PortalIntegrationTests.PASSWORD).location()).endsWith("/portal");

        PortalClient.Response answer = client.postWithFile("/portal/requests",
                Map.of("subject", "The app crashes", "description", "Screen recording attached"), "attachments",
                "recording.mp4", new byte[33 * 1024 * 1024]);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("each file may be at most 32 MB").contains("at most 64 MB")
                .contains("Back button");
    }

    @Test
    void aWorkspaceFormOverTheLimitIsAnswered413NamingTheLimit() {
        PortalClient agent = new PortalClient(port);
        assertThat(agent.signInAsAgent("agent", "repdesk-demo").location()).endsWith("/inbox");

        PortalClient.Response answer = agent.post("/cases/C-1/notes", Map.of("text", "x".repeat(2_200_000)));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 2 MB of text");
    }

    @Test
    void theSlaReportExportWritesFormulasAsText() {
        String suffix = UUID.randomUUID().toString();
        var hours = sla.defineCalendar(null, new SlaManagement.NewCalendar("Export desk " + suffix, "UTC",
                Map.of(DayOfWeek.MONDAY, List.of("09:00-17:00")), Map.of()));
        sla.definePolicy(null, new SlaManagement.NewPolicy("=HYPERLINK(\"http://evil.example\",\"Open\") " + suffix,
                ServicePolicy.Kind.FORMAL, 9, hours.id(), Duration.ofHours(4), null, null, Set.of(),
                Duration.ofHours(1), new SlaConditions(null, suffix, null, null, null), true));
        PortalClient manager = new PortalClient(port);
        assertThat(manager.signInAsAgent("manager", "repdesk-demo").location()).endsWith("/inbox");

        PortalClient.Response csv = manager.get("/admin/sla-report.csv?from=2026-10-05&to=2026-11-01");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body()).startsWith("policy,active,target,met week of 2026-10-05,decided week of 2026-10-05,")
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"Open\"\") " + suffix + "\",true,FIRST_RESPONSE,")
                .doesNotContain("\n=").doesNotContain(",=");
    }

    @Test
    void withoutAProviderConfiguredTheSignInPageOffersNoSingleSignOn() {
        PortalClient.Response login = new PortalClient(port).get("/login");

        assertThat(login.status()).isEqualTo(200);
        assertThat(login.body()).contains("name=\"password\"").doesNotContain("Sign in with")
                .doesNotContain("/oauth2/authorization");
        assertThat(new PortalClient(port).get("/oauth2/authorization/google").status())
                .as("no OAuth2 endpoint answers").isNotEqualTo(200);
    }
}

package io.repdesk.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewAttachment;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.security.PortalAccounts;
import io.repdesk.shared.OrganizationId;

/** The portal over HTTP: who sees which cases, and signing in by password or by emailed link. */
@RepdeskIntegrationTest
class PortalIntegrationTests {

    static final String PASSWORD = "portal-password-1";

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    AttachmentStore store;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationContext context;

    SignInLinks links;

    @BeforeEach
    void listen() {
        links = SignInLinks.listen(context);
    }

    @AfterEach
    void stopListening() {
        links.close();
        clock.release();
    }

    @Test
    void aCustomerOfAnotherOrganizationGetsNotFoundForItsCasesRepliesAndFiles() {
        OrganizationId orgA = customers.registerOrganization("Org A " + suffix(), "Business").id();
        OrganizationId orgB = customers.registerOrganization("Org B " + suffix(), "Business").id();
        Customer alice = customer(orgA, "Alice");
        Customer bob = customer(orgB, "Bob");
        SupportCase bobsCase = caseWithFile(bob, "Bob's invoice is wrong");
        String file = fileLink(bobsCase);

        PortalClient aliceClient = signedIn(alice);
        assertThat(aliceClient.get("/portal/cases/" + bobsCase.reference()).status()).isEqualTo(404);
        assertThat(aliceClient.get(file).status()).isEqualTo(404);
        PortalClient.Response reply = aliceClient.post("/portal/cases/" + bobsCase.reference() + "/reply",
                Map.of("body", "Let me in", "token", UUID.randomUUID().toString()));
        assertThat(reply.status()).isEqualTo(404);
        assertThat(aliceClient.get("/portal").body()).doesNotContain(bobsCase.reference());
        assertThat(contacts.forCase(bobsCase.id())).hasSize(1);

        PortalClient bobClient = signedIn(bob);
        assertThat(bobClient.get("/portal").body()).contains(bobsCase.reference());
        assertThat(bobClient.get("/portal/cases/" + bobsCase.reference()).body()).contains("Bob&#39;s invoice is wrong");
        PortalClient.Response download = bobClient.get(file);
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo("invoice lines");
    }

    @Test
    void colleaguesInOneOrganizationSeeAndAnswerEachOthersCases() {
        OrganizationId org = customers.registerOrganization("Org C " + suffix(), "Premium").id();
        Customer carol = customer(org, "Carol");
        Customer dave = customer(org, "Dave");
        SupportCase carolsCase = caseWithFile(carol, "Our exports fail");

        PortalClient daveClient = signedIn(dave);
        assertThat(daveClient.get("/portal").body()).contains(carolsCase.reference()).contains("Carol");
        PortalClient.Response reply = daveClient.post("/portal/cases/" + carolsCase.reference() + "/reply",
                Map.of("body", "It fails for me too", "token", UUID.randomUUID().toString()));
        assertThat(reply.location()).endsWith("/portal/cases/" + carolsCase.reference());
        var last = contacts.forCase(carolsCase.id()).getLast();
        assertThat(last.body()).isEqualTo("It fails for me too");
        assertThat(last.author()).isEqualTo(dave.email());
        assertThat(last.channel()).isEqualTo(Channel.PORTAL);
        assertThat(last.customerId()).isEqualTo(carol.id());
    }

    @Test
    void aCustomerWithoutAnOrganizationSeesOnlyTheirOwnCases() {
        Customer erin = customer(null, "Erin");
        Customer frank = customer(null, "Frank");
        SupportCase erinsCase = caseWithFile(erin, "Erin's card");
        SupportCase franksCase = caseWithFile(frank, "Frank's card");

        PortalClient erinClient = signedIn(erin);
        assertThat(erinClient.get("/portal").body()).contains(erinsCase.reference())
                .doesNotContain(franksCase.reference());
        assertThat(erinClient.get("/portal/cases/" + franksCase.reference()).status()).isEqualTo(404);
    }

    @Test
    void theListShowsOpenRequestsFirstThenTheLatestUpdatedTwentyToAPage() {
        Customer mia = customer(null, "Mia");
        SupportCase resolved = caseWithFile(mia, "Resolved yesterday");
        for (int i = 0; i < 20; i++) {
            caseWithFile(mia, "Open request " + i);
        }
        SupportCase latestOpen = caseWithFile(mia, "Newest open request");
        cases.changeStatus(resolved.id(), io.repdesk.casework.CaseStatus.RESOLVED);

        PortalClient client = signedIn(mia);
        String first = client.get("/portal").body();
        assertThat(first.split("data-reference=").length - 1).isEqualTo(20);
        assertThat(first.indexOf(latestOpen.reference())).isPositive();
        assertThat(first).doesNotContain(resolved.reference()).contains("?page=1");
        String second = client.get("/portal?page=1").body();
        assertThat(second.split("data-reference=").length - 1).isEqualTo(2);
        assertThat(second).contains(resolved.reference());
        assertThat(second.indexOf(resolved.reference())).isGreaterThan(second.indexOf("Open request"));
    }

    @Test
    void aSignInLinkWorksOnce() throws Exception {
        Customer grace = customer(null, "Grace");
        accounts.requestLink(grace.email(), URI.create("http://localhost:" + port));
        String link = links.awaitLink(grace.email());
        assertThat(link).startsWith("http://localhost:" + port + "/portal/login/link?token=");

        PortalClient first = new PortalClient(port);
        assertThat(first.useLink(link).location()).endsWith("/portal");
        assertThat(first.get("/portal").status()).isEqualTo(200);

        PortalClient second = new PortalClient(port);
        assertThat(second.useLink(link).location()).endsWith("/portal/login?link=invalid");
        assertThat(second.get("/portal").status()).isEqualTo(302);
    }

    @Test
    void aSignInLinkExpiresAfterFifteenMinutes() throws Exception {
        Customer heidi = customer(null, "Heidi");
        clock.pin(Instant.now());
        accounts.requestLink(heidi.email(), URI.create("http://localhost:" + port));
        String link = links.awaitLink(heidi.email());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));

        PortalClient client = new PortalClient(port);
        assertThat(client.useLink(link).location()).endsWith("/portal/login?link=invalid");
        assertThat(client.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void aLinkRequestAnswersAlikeForStrangersAndSendsOnlyToCustomersAndOnlyAFewAnHour() {
        Customer ivan = customer(null, "Ivan");
        String stranger = "nobody-" + suffix() + "@example.com";
        PortalClient client = new PortalClient(port);

        PortalClient.Response forStranger = client.post("/portal/login/email", Map.of("email", stranger));
        PortalClient.Response forCustomer = client.post("/portal/login/email", Map.of("email", ivan.email()));
        assertThat(forStranger.status()).isEqualTo(302);
        assertThat(forCustomer.status()).isEqualTo(forStranger.status());
        assertThat(forCustomer.location()).isEqualTo(forStranger.location()).endsWith("/portal/login?sent");
        assertThat(links.to(stranger)).isEmpty();
        assertThat(links.to(ivan.email())).hasSize(1);

        for (int i = 0; i < 6; i++) {
            client.post("/portal/login/email", Map.of("email", ivan.email().toUpperCase()));
        }
        assertThat(links.to(ivan.email())).hasSize(5);
    }

    @Test
    void aBlankAddressIsRefusedBesideTheField() {
        PortalClient.Response refused = new PortalClient(port).post("/portal/login/email", Map.of("email", "  "));
        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"link-email-error\"").contains("Enter the email address");
    }

    @Test
    void aPasswordSignsInAndAWrongOneOrAStrangerDoesNot() {
        Customer judy = customer(null, "Judy");
        accounts.setPassword(judy.id(), PASSWORD);

        assertThat(new PortalClient(port).signIn(judy.email(), "wrong-password-1").location())
                .endsWith("/portal/login?error");
        assertThat(new PortalClient(port).signIn("stranger-" + suffix() + "@example.com", PASSWORD).location())
                .endsWith("/portal/login?error");
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(judy.email(), PASSWORD).location()).endsWith("/portal");
        assertThat(client.get("/portal").status()).isEqualTo(200);
    }

    @Test
    void aCustomerSessionOpensNeitherTheWorkspaceNorTheApiAndAnAgentSessionNotThePortal() {
        Customer kim = customer(null, "Kim");
        PortalClient customer = signedIn(kim);
        assertThat(customer.get("/inbox").location()).endsWith("/login");
        assertThat(customer.get("/api/v1/cases").status()).isEqualTo(401);

        PortalClient agent = new PortalClient(port);
        assertThat(agent.signInAsAgent("agent", "repdesk-demo").location()).endsWith("/inbox");
        assertThat(agent.get("/inbox").status()).isEqualTo(200);
        assertThat(agent.get("/portal").location()).endsWith("/portal/login");
    }

    @Test
    void anAgentAndACustomerInOneBrowserStayApartAndSigningOutOfThePortalLeavesTheAgentSignedIn() {
        Customer lia = customer(null, "Lia");
        accounts.setPassword(lia.id(), PASSWORD);
        PortalClient both = new PortalClient(port);
        both.signInAsAgent("agent", "repdesk-demo");
        assertThat(both.signIn(lia.email(), PASSWORD).location()).endsWith("/portal");
        assertThat(both.get("/portal").status()).isEqualTo(200);
        assertThat(both.get("/inbox").status()).isEqualTo(200);

        assertThat(both.post("/portal/logout", Map.of()).location()).endsWith("/portal/login?logout");
        assertThat(both.get("/portal").location()).endsWith("/portal/login");
        assertThat(both.get("/inbox").status()).isEqualTo(200);
    }

    @Test
    void portalPagesCarryTheWorkspaceSecurityHeaders() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
                .newBuilder(URI.create("http://localhost:" + port + "/portal/login")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                csp -> assertThat(csp).contains("script-src 'self'").contains("frame-ancestors 'none'"));
        assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    @Test
    void aPasswordSetAfterALinkSignInThenAsksForTheCurrentOneToChange() throws Exception {
        Customer leo = customer(null, "Leo");
        accounts.requestLink(leo.email(), URI.create("http://localhost:" + port));
        PortalClient byLink = new PortalClient(port);
        byLink.useLink(links.awaitLink(leo.email()));
        PortalClient.Response mismatch = byLink.post("/portal/password",
                Map.of("password", "a-new-password-1", "confirmation", "another-password"));
        assertThat(mismatch.body()).contains("id=\"confirmation-error\"");
        assertThat(byLink.post("/portal/password", Map.of("password", "short", "confirmation", "short")).body())
                .contains("id=\"password-error\"").contains("at least 12 characters");
        assertThat(byLink.post("/portal/password", Map.of("password", "a-new-password-1",
                "confirmation", "a-new-password-1")).location()).endsWith("/portal/password");

        PortalClient byPassword = new PortalClient(port);
        assertThat(byPassword.signIn(leo.email(), "a-new-password-1").location()).endsWith("/portal");
        PortalClient.Response withoutCurrent = byPassword.post("/portal/password",
                Map.of("password", "a-third-password", "confirmation", "a-third-password"));
        assertThat(withoutCurrent.body()).contains("id=\"currentPassword-error\"");
        assertThat(byPassword.post("/portal/password", Map.of("currentPassword", "a-new-password-1",
                "password", "a-third-password", "confirmation", "a-third-password")).status()).isEqualTo(302);
        assertThat(new PortalClient(port).signIn(leo.email(), "a-third-password").location()).endsWith("/portal");
    }

    private PortalClient signedIn(Customer customer) {
        accounts.setPassword(customer.id(), PASSWORD);
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(customer.email(), PASSWORD).location()).endsWith("/portal");
        return client;
    }

    private Customer customer(OrganizationId org, String name) {
        return customers.register(new NewCustomer(org, name, name.toLowerCase() + "-" + suffix() + "@example.com",
                new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
    }

    private SupportCase caseWithFile(Customer customer, String subject) {
        var file = store.store("invoice.txt", "invoice lines".getBytes(StandardCharsets.UTF_8));
        var recorded = contacts.record(new NewContact(customer.id(), null, Channel.PORTAL, Direction.INBOUND,
                Instant.now(), subject, "Please look at it", null, "portal-test-" + UUID.randomUUID(), null, null),
                Enclosures.of(List.of(new NewAttachment("invoice.txt", "text/plain", file, null, false))));
        return cases.get(recorded.contact().caseId());
    }

    private String fileLink(SupportCase supportCase) {
        var attachment = contacts.attachmentsOfCase(supportCase.id()).getFirst();
        return "/portal/cases/" + supportCase.reference() + "/files/" + attachment.contactId() + "/"
                + attachment.position();
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}

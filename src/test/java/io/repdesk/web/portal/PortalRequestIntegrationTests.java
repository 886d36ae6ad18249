package io.repdesk.web.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.intake.Flows;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.security.PortalAccounts;

/** Filing a request on the portal over HTTP: intake answers, refusals beside their fields, double submits. */
@RepdeskIntegrationTest
class PortalRequestIntegrationTests {

    static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    IntakeManagement intake;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    io.repdesk.contact.AttachmentStore store;

    @Test
    void aRequestOpensACaseWithTheAnswersThatApplyAndASecondSubmitFilesNothingMore() {
        IntakeFlow flow = intake.create(Flows.mobileApp("portal-" + suffix()));
        PortalClient client = signedIn();
        String token = token(client.get("/portal/requests/new?category=" + flow.category()).body());
        Map<String, String> form = new HashMap<>(Map.of("token", token, "category", flow.category(),
                "subject", "The app crashes on start", "description", "Since this morning it closes at once.",
                "answers.platform", "iOS", "answers.app_version", "v5.2.1",
                "answers.android_version", "14"));

        PortalClient.Response filed = client.post("/portal/requests", form);
        assertThat(filed.status()).isEqualTo(302);
        String reference = filed.location().substring(filed.location().lastIndexOf('/') + 1);
        SupportCase opened = cases.byReference(reference);
        assertThat(opened.subject()).isEqualTo("The app crashes on start");
        assertThat(opened.channel()).isEqualTo(Channel.PORTAL.name());
        // The Android question does not apply on iOS: its answer is not kept.
        assertThat(intake.of(opened.id()).values()).containsExactlyInAnyOrderEntriesOf(
                Map.of("platform", "iOS", "app_version", "5.2.1"));

        PortalClient.Response again = client.post("/portal/requests", form);
        assertThat(again.location()).isEqualTo(filed.location());
        assertThat(contacts.forCase(opened.id())).hasSize(1);
        assertThat(client.get("/portal/cases/" + reference).body()).contains("5.2.1")
                .contains("Since this morning it closes at once.");
    }

    @Test
    void refusalsAppearBesideTheirFieldsAndKeepEverythingTyped() {
        IntakeFlow flow = intake.create(Flows.mobileApp("portal-refused-" + suffix()));
        PortalClient client = signedIn();
        String token = token(client.get("/portal/requests/new?category=" + flow.category()).body());

        PortalClient.Response refused = client.post("/portal/requests", Map.of("token", token,
                "category", flow.category(), "subject", " ", "description", "Typed before the mistake",
                "answers.platform", "Android", "answers.app_version", "not a version"));

        assertThat(refused.status()).isEqualTo(200);
        String page = refused.body();
        assertThat(page).contains("id=\"subject-error\"");
        assertThat(page).contains("id=\"q-app_version-error\"").contains("must be a version such as 5.2");
        assertThat(page).contains("id=\"q-android_version-error\"");
        assertThat(page).contains("Typed before the mistake").contains("value=\"not a version\"");
        assertThat(page).containsPattern("<option value=\"Android\" selected=\"selected\">");
        assertThat(page).contains(token);
    }

    @Test
    void aFileOverTheLimitIsRefusedBesideTheFileInputAndTheRestOfTheFormIsKept() {
        PortalClient client = signedIn();
        String token = token(client.get("/portal/requests/new?category=other").body());
        byte[] tooBig = new byte[(int) store.maxBytes() + 1];

        PortalClient.Response refused = client.postWithFile("/portal/requests", Map.of("token", token,
                "category", "other", "subject", "Statement attached", "description", "See the statement, please."),
                "attachments", "statement.pdf", tooBig);

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"attachments-error\"").contains("statement.pdf is larger than 10 MiB")
                .contains("value=\"Statement attached\"").contains("See the statement, please.");
        PortalClient.Response filed = client.postWithFile("/portal/requests", Map.of("token", token,
                "category", "other", "subject", "Statement attached", "description", "See the statement, please."),
                "attachments", "statement.pdf", "%PDF-1.7 small".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(filed.status()).isEqualTo(302);
        SupportCase opened = cases.byReference(filed.location().substring(filed.location().lastIndexOf('/') + 1));
        assertThat(contacts.attachmentsOfCase(opened.id())).extracting(a -> a.filename()).containsExactly("statement.pdf");
    }

    @Test
    void theQuestionsFollowTheAnswersGivenSoFar() {
        IntakeFlow flow = intake.create(Flows.mobileApp("portal-branch-" + suffix()));
        PortalClient client = signedIn();
        client.get("/portal/requests/new?category=" + flow.category());

        String ios = client.post("/portal/requests/new/questions", Map.of("category", flow.category(),
                "answers.platform", "iOS")).body();
        String android = client.post("/portal/requests/new/questions", Map.of("category", flow.category(),
                "answers.platform", "Android", "answers.device_model", "Pixel 8")).body();

        assertThat(ios).contains("data-key=\"app_version\"").doesNotContain("data-key=\"android_version\"");
        assertThat(android).contains("data-key=\"android_version\"").contains("Pixel 8")
                .contains("Some defects only appear on older Android versions.");
    }

    @Test
    void theCategoriesAreTheIntakeFlowsAndSomethingElse() {
        IntakeFlow flow = intake.create(Flows.mobileApp("portal-choice-" + suffix()));
        String page = signedIn().get("/portal/requests/new").body();
        assertThat(page).contains(flow.category()).contains("Something else");
        assertThat(signedIn().get("/portal/requests/new?category=other").body()).contains("id=\"subject\"")
                .doesNotContain("data-key=");
    }

    private PortalClient signedIn() {
        Customer customer = customers.register(new NewCustomer(null, "Filer", "filer-" + suffix() + "@example.com",
                new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        accounts.setPassword(customer.id(), "portal-password-1");
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(customer.email(), "portal-password-1").location()).endsWith("/portal");
        return client;
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the form carries a token").isTrue();
        return m.group(1);
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

}

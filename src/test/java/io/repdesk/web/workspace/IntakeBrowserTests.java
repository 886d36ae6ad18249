package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.intake.FlowDraft;
import io.repdesk.intake.Flows;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.journal.Journal;
import io.repdesk.journal.JournalEntry;
import io.repdesk.shared.CaseId;

/** Drives the intake section of the case page and the admin form of flows in headless Chromium. */
@RepdeskIntegrationTest
class IntakeBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    IntakeManagement intake;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    Journal journal;

    BrowserContext context;
    Page page;

    @BeforeAll
    static void launch() {
        browsers = Browsers.launch();
    }

    @AfterAll
    static void close() {
        if (browsers != null) {
            browsers.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browsers.browser().newContext();
        page = context.newPage();
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    @Test
    void anAgentAttachesAFlowAnswersAndSeesTheMissingListShrinkAndABranchQuestionAppear() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        FlowDraft mobile = Flows.mobileApp("browser-" + suffix);
        IntakeFlow flow = intake.create(new FlowDraft("Mobile app " + suffix, mobile.category(), null,
                mobile.questions()));
        CaseId caseId = newCase();
        signIn("agent", "repdesk-demo");
        page.navigate(url("/cases/" + cases.get(caseId).reference()));

        Locator section = page.locator("section#intake");
        section.locator("#intakeFlowId").selectOption(new SelectOption().setLabel(flow.name() + " (" + flow.category()
                + ")"));
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Use flow")).click();

        assertThat(section.locator("h2")).containsText(flow.name() + " · version 1");
        Locator missing = section.locator("ul.missing li");
        assertThat(missing).hasCount(2);
        assertThat(missing.first()).containsText("Which platform is the app on?");
        assertThat(section.locator(".intake-question[data-key=android_version]")).hasCount(0);

        section.locator("#intake-app_version").fill("v5.2");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save answers")).click();

        assertThat(missing).hasCount(1);
        assertThat(section.locator("dl.answers dd[data-key=app_version]")).containsText("5.2");
        assertThat(section.locator("dl.answers dd[data-key=app_version]")).containsText(Flows.APP_VERSION_RATIONALE);

        section.locator("#intake-platform").selectOption("Android");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save answers")).click();

        assertThat(section.locator(".intake-question[data-key=android_version]")).isVisible();
        assertThat(missing).hasCount(1);
        assertThat(missing.first()).containsText("Which Android version is the phone on?");
        assertThat(missing.first()).containsText("Why we ask: Some defects only appear on older Android versions.");

        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Request missing answers")).click();

        assertThat(section.locator("#intakeRequestText")).hasValue(java.util.regex.Pattern.compile(
                "1\\. Which Android version is the phone on\\?\\n   Why we ask: Some defects"));
        assertThat(journal.forStream("case", caseId.value())).extracting(JournalEntry::type)
                .containsSubsequence("IntakeFlowAttached", "IntakeAnswered", "IntakeAnswered", "IntakeAnswersRequested");
        page.reload();
        assertThat(page.locator("article.contact.outbound").last()).containsText("Which Android version is the phone on?");
    }

    @Test
    void aWrongAnswerIsRefusedBesideItsQuestion() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        IntakeFlow flow = intake.create(Flows.mobileApp("browser-refused-" + suffix));
        CaseId caseId = newCase();
        intake.attach(caseId, flow.id());
        signIn("agent", "repdesk-demo");
        page.navigate(url("/cases/" + cases.get(caseId).reference()));

        Locator section = page.locator("section#intake");
        section.locator("#intake-app_version").fill("the latest one");
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save answers")).click();

        assertThat(section.locator(".intake-question[data-key=app_version] .error"))
                .containsText("must be a version such as 5.2");
        assertThat(section.locator("#intake-app_version")).hasValue("the latest one");
        assertThat(intake.of(caseId).values()).isEmpty();
    }

    @Test
    void anAdminBuildsAFlowInTheFormAndACycleIsRefusedBesideTheConditions() {
        String category = "admin-form-" + UUID.randomUUID().toString().substring(0, 8);
        signIn("manager", "repdesk-demo");
        page.navigate(url("/admin/intake"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New flow")).click();

        page.locator("#name").fill("Checkout " + category);
        page.locator("#category").fill(category);
        page.locator("#q0-key").fill("payment");
        page.locator("#q0-prompt").fill("How did you pay?");
        page.locator("#q0-type").selectOption("CHOICE");
        page.locator("#q0-choices").fill("Card\nTransfer");
        page.locator("input[name='questions[0].required']").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add a question")).click();
        page.locator("#q1-key").fill("card_type");
        page.locator("#q1-prompt").fill("Which card was it?");
        page.locator("#q1-rationale").fill("Some card networks decline this merchant.");
        page.locator("#q1-showIf").fill("payment = Card");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).first().click();

        assertThat(page.locator(".notice")).containsText("version 1");
        IntakeFlow saved = intake.flows().stream().filter(f -> f.category().equals(category)).findFirst().orElseThrow();
        assertThat(saved.questions().get(1).showIf()).hasToString("[payment = Card]");
        assertThat(saved.questions().get(0).choices()).containsExactly("Card", "Transfer");
        assertThat(saved.questions().get(0).required()).isTrue();

        page.locator("#q0-showIf").fill("card_type = Visa");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).first().click();

        assertThat(page.locator("li.question").first().locator(".error"))
                .containsText("branches in a cycle: payment → card_type → payment");
        assertThat(page.locator("p.error[role=alert]")).containsText("Question 1, show only if");
        assertThat(intake.flow(saved.id()).version()).isEqualTo(1);

        page.navigate(url("/admin/intake"));
        assertThat(page.locator("table.intake-flows")).containsText("Checkout " + category);
    }

    private CaseId newCase() {
        var customer = customers.register(new NewCustomer(null, "Intake Browser",
                "intake-browser-" + UUID.randomUUID() + "@example.test", EnvironmentProfile.unknown(), null));
        return contacts.record(new NewContact(customer.id(), null, Channel.PORTAL, Direction.INBOUND, Instant.now(),
                "The app crashes", "It crashes when I open it.", null, null, null, null)).contact().caseId();
    }

    private void signIn(String username, String password) {
        Browsers.signIn(page, url(""), username, password);
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

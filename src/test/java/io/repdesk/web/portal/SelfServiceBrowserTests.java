package io.repdesk.web.portal;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.customer.Organization;
import io.repdesk.journal.Journal;
import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.Audience;
import io.repdesk.knowledge.KnowledgeMeasures;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;
import io.repdesk.search.ArticleIndex;
import io.repdesk.security.PortalAccounts;
import io.repdesk.shared.PageRequest;

/**
 * Self-service in headless Chromium: a customer describing a problem on the request form sees a matching
 * article appear before filing, reads it, marks it as the answer, and no case is opened; the need counts the
 * deflection. Anyone can search the help pages, where markup in a query stays text.
 */
@RepdeskIntegrationTest
class SelfServiceBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    CaseManagement cases;

    @Autowired
    NeedManagement needs;

    @Autowired
    ArticleManagement articles;

    @Autowired
    KnowledgeMeasures measures;

    @Autowired
    ArticleIndex index;

    @Autowired
    Journal journal;

    BrowserContext browser;

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
    void open() {
        browser = browsers.browser().newContext();
    }

    @AfterEach
    void closeContext() {
        browser.close();
    }

    @Test
    void aCustomerSeesAnArticleWhileTypingMarksItSolvedAndNoCaseIsOpened() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ServiceNeed need = needs.define(new NewNeed("kb_statement_" + suffix, "My statement download is empty "
                + suffix, "", DemandClass.ROUTINE, null));
        Article article = articles.publish(articles.create(new ArticleDraft("Statement download is blank",
                "The statement PDF I download is empty.", "Web banking", "Choose **a month with payments**, "
                        + "then press Download again.", "", null, Audience.PUBLIC, List.of(need.id()), null)).id());
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(30))).isTrue();
        Customer customer = customers.register(new NewCustomer(null, "Sol Ved", "sol-" + suffix + "@example.com",
                new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        accounts.setPassword(customer.id(), "self-service-" + suffix);

        Page portal = browser.newPage();
        portal.navigate(url("/portal/login"));
        portal.locator("#email").fill(customer.email());
        portal.locator("#password").fill("self-service-" + suffix);
        portal.locator("#password").press("Enter");
        assertThat(portal).hasURL(url("/portal"));

        portal.navigate(url("/portal/requests/new?category=other"));
        portal.locator("#subject").fill("statement downlod empty");
        Locator suggestion = portal.locator("#knowledge-suggestions .suggested-article[data-reference="
                + article.reference() + "]");
        assertThat(suggestion).isVisible();
        assertThat(suggestion.locator(".title")).hasText("Statement download is blank");
        assertThat(suggestion.locator("mark").first()).isVisible();

        suggestion.locator(".read-answer").click();
        assertThat(suggestion.locator(".answer strong")).hasText("a month with payments");
        suggestion.locator("button.solved").click();

        assertThat(portal.locator("#solved")).containsText("Glad that helped");
        assertThat(portal.locator("#file-request")).hasCount(0);
        assertThat(cases.ofCustomers(List.of(customer.id()), PageRequest.first(5)).total()).isZero();
        var usage = measures.ofNeed(need.id()).usage();
        assertThat(usage.solved()).isEqualTo(1);
        assertThat(usage.deflected()).isEqualTo(1);
        assertThat(usage.views()).isEqualTo(1);
        assertThat(usage.deflectionRate()).isEqualTo(1.0);
    }

    @Test
    void anyoneSearchesTheHelpPagesAndMarkupInTheQueryStaysText() {
        String word = "quokka" + UUID.randomUUID().toString().substring(0, 6).replaceAll("[0-9-]", "q");
        Article article = articles.publish(articles.create(new ArticleDraft("Feeding the " + word,
                "How do I feed the " + word + "? <img src=x onerror=alert(1)>", "", "Twice a day.", "", null,
                Audience.PUBLIC, List.of(), null)).id());
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(30))).isTrue();
        Page page = browser.newPage();
        boolean[] dialog = { false };
        page.onDialog(d -> {
            dialog[0] = true;
            d.dismiss();
        });

        page.navigate(url("/portal/help"));
        page.locator("#help-q").fill("<script>alert(2)</script> " + word);
        page.locator("#help-q").press("Enter");

        Locator hit = page.locator(".help-result[data-reference=" + article.reference() + "]");
        assertThat(hit.locator("mark").first()).hasText(word);
        assertThat(hit.locator("img")).hasCount(0);
        assertThat(page.locator("#help-q")).hasValue("<script>alert(2)</script> " + word);
        hit.locator("a.title").click();
        assertThat(page.locator("h1")).hasText("Feeding the " + word);
        assertThat(page.locator(".article-body img")).hasCount(0);
        assertThat(page.locator(".article-body").first()).containsText("<img src=x onerror=alert(1)>");
        assertThat(dialog[0]).isFalse();
    }

    @Test
    void anAgentLimitsAnArticleToOneOrganizationWhoseCustomersAloneFindIt() {
        String word = "bilby" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
        Organization north = customers.registerOrganization("North " + word, "business");
        Organization south = customers.registerOrganization("South " + word, "business");
        Article article = articles.create(new ArticleDraft("Pairing the " + word + " terminal",
                "The " + word + " terminal will not pair.", "", "Hold the button for five seconds.", "", null,
                Audience.PUBLIC, List.of(), null));

        Page agent = browser.newPage();
        io.repdesk.Browsers.signIn(agent, url(""), "kim.author", "repdesk-demo");
        agent.navigate(url("/articles/" + article.reference() + "/edit"));
        agent.locator("#organizationIds").selectOption(north.id().toString());
        agent.locator("#save-article").click();
        assertThat(agent.locator(".notice")).containsText("Saved version");
        assertThat(agent.locator(".org-badge")).hasText("Only for " + north.name());
        agent.locator("#publish").click();
        assertThat(agent.locator(".notice")).containsText("Published");
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(120))).isTrue();

        try (BrowserContext northContext = browsers.browser().newContext();
                BrowserContext southContext = browsers.browser().newContext()) {
            Page northPortal = signedIn(northContext, north, word);
            northPortal.navigate(url("/portal/help?q=" + word));
            Locator hit = northPortal.locator(".help-result[data-reference=" + article.reference() + "]");
            assertThat(hit).isVisible();
            hit.locator("a.title").click();
            assertThat(northPortal.locator("h1")).hasText("Pairing the " + word + " terminal");

            Page southPortal = signedIn(southContext, south, word);
            southPortal.navigate(url("/portal/help?q=" + word));
            assertThat(southPortal.locator(".help-result[data-reference=" + article.reference() + "]")).hasCount(0);
            var guessed = southPortal.navigate(url("/portal/articles/" + article.reference()));
            assertThat(guessed.status()).isEqualTo(404);
            assertThat(southPortal.locator("body")).not().containsText("Pairing the " + word);
        }
    }

    private Page signedIn(BrowserContext context, Organization organization, String word) {
        String email = organization.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "@example.com";
        Customer customer = customers.register(new NewCustomer(organization.id(), "Customer of "
                + organization.name(), email, new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        accounts.setPassword(customer.id(), "organization-" + word);
        Page portal = context.newPage();
        portal.navigate(url("/portal/login"));
        portal.locator("#email").fill(email);
        portal.locator("#password").fill("organization-" + word);
        portal.locator("#password").press("Enter");
        assertThat(portal).hasURL(url("/portal"));
        return portal;
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

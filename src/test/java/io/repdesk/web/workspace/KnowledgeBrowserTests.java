package io.repdesk.web.workspace;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.repdesk.Browsers;
import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.ReuseManagement;
import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;

/**
 * An agent turns a resolved case into an article (prefilled, previewed as typed), publishes it, sees the need
 * move to Empower, then puts the article into a reply on another case of the need, which counts as a reuse.
 */
@RepdeskIntegrationTest
class KnowledgeBrowserTests {

    static Browsers browsers;

    @LocalServerPort
    int port;

    @Autowired
    NeedManagement needs;

    @Autowired
    CustomerManagement customers;

    @Autowired
    ContactManagement contacts;

    @Autowired
    CaseManagement cases;

    @Autowired
    ArticleManagement articles;

    @Autowired
    ReuseManagement reuses;

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

    @Test
    void anAgentWritesAnArticleFromACasePublishesItAndReusesItInAReply() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        ServiceNeed need = needs.define(new NewNeed("kb_export_" + suffix, "I can't export my transactions "
                + suffix, "", DemandClass.ROUTINE, null));
        SupportCase solved = openCase(need, "Export button greyed out", "The export button is grey on my phone.");
        contacts.reply(new NewContact(solved.customerId(), solved.id(), Channel.EMAIL, Direction.OUTBOUND,
                java.time.Instant.now(), "Re: Export", "Exports need the web app; open it in a browser.", null,
                "kb-reply-" + suffix, null, null), Enclosures.none());
        SupportCase another = openCase(need, "Cannot export", "Where is the export?");
        ServiceNeed statements = needs.define(new NewNeed("kb_statements_" + suffix, "I can't download my statements "
                + suffix, "", DemandClass.ROUTINE, null));

        try (BrowserContext context = browsers.browser().newContext()) {
            Page page = context.newPage();
            Browsers.signIn(page, url(""), "sam.tier2", "repdesk-demo");
            page.navigate(url("/articles/new?case=" + solved.reference()));
            assertThat(page.locator("#title")).hasValue(need.title());
            assertThat(page.locator("#issue")).hasValue("The export button is grey on my phone.");
            assertThat(page.locator("#resolution")).hasValue("Exports need the web app; open it in a browser.");
            page.locator("#resolution").fill("Open the **web app** <script>alert(1)</script>");
            assertThat(page.locator("#article-preview strong")).hasText("web app");
            assertThat(page.locator("#article-preview script")).hasCount(0);
            page.locator("#title").fill("");
            page.locator("#save-article").click();
            assertThat(page.locator("#title-error")).containsText("must not be blank");
            page.locator("#title").fill("Exporting transactions " + suffix);
            // the case's need is chosen; a second is found by typing and added, a third added and removed again
            assertThat(page.locator(".need-picker-chosen li span")).hasText(need.title());
            page.locator("#needIds").fill("download my statements " + suffix);
            page.locator("#needIds-options [role=option]").first().click();
            assertThat(page.locator(".need-picker-chosen li")).hasCount(2);
            page.locator("#needIds").fill("card hasn");
            page.locator("#needIds").press("ArrowDown");
            page.locator("#needIds").press("Enter");
            assertThat(page.locator(".need-picker-chosen li")).hasCount(3);
            page.locator(".need-picker-chosen li").nth(2).locator("button.remove").click();
            assertThat(page.locator(".need-picker-chosen li")).hasCount(2);
            page.locator("#save-article").click();
            assertThat(page.locator(".notice")).containsText("as a draft");
            assertThat(articles.byReference(page.locator("h1 .ref").textContent().strip()).needIds())
                    .containsExactlyInAnyOrder(need.id(), statements.id());
            page.locator("#publish").click();
            assertThat(page.locator(".notice")).containsText("Published");
            String reference = page.locator("h1 .ref").textContent().strip();
            Article article = articles.byReference(reference);
            assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.EMPOWER);
            page.locator("a", new Page.LocatorOptions().setHasText("History")).click();
            assertThat(page.locator("table.versions tbody tr")).hasCount(2);

            page.navigate(url("/needs/" + need.id()));
            assertThat(page.locator(".need-articles li[data-reference=" + reference + "]")).isVisible();
            assertThat(page.locator(".empowered")).containsText(reference + " published");

            page.navigate(url("/cases/" + another.reference()));
            page.locator("#reply-body").fill("Hello,");
            page.locator(".case-articles li[data-reference=" + reference + "] .insert-article").click();
            assertThat(page.locator("#reply-body")).hasValue(java.util.regex.Pattern.compile(
                    "Hello,\\s+Exporting transactions.*web app.*" + reference + ".*", java.util.regex.Pattern.DOTALL));
            assertThat(reuses.ofArticle(article.id())).hasSize(1);

            page.navigate(url("/search?q=exportng+transactons"));
            assertThat(page.locator(".article-hits li[data-reference=" + reference + "] mark").first()).isVisible();
            // the need filter is a picker too: the search keeps the chosen need and shows its title
            page.locator("#need-filter").fill("download my statements " + suffix);
            page.locator("#need-filter-options [role=option]").first().click();
            page.locator("form button[type=submit]", new Page.LocatorOptions().setHasText("Search")).click();
            page.waitForURL(java.util.regex.Pattern.compile(".*need=" + statements.id() + ".*"));
            assertThat(page.locator("#need-filter")).hasValue(statements.title());
            assertThat(page.locator(".article-hits li[data-reference=" + reference + "]")).isVisible();
        }
    }

    private SupportCase openCase(ServiceNeed need, String subject, String body) {
        var customer = customers.register(new NewCustomer(null, "Kay " + subject, UUID.randomUUID() + "@example.com",
                new EnvironmentProfile("Lumen app", "5.1", "Android", "Business", null, Map.of()), null));
        var recorded = contacts.record(new NewContact(customer.id(), null, Channel.EMAIL, Direction.INBOUND,
                java.time.Instant.now(), subject, body, null, null, need.id(), null));
        return cases.get(recorded.contact().caseId());
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}

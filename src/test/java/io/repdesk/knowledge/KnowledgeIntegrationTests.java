package io.repdesk.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.TestClock;
import io.repdesk.journal.Journal;
import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;
import io.repdesk.search.ArticleIndex;
import io.repdesk.search.ArticleIndex.Fragment;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;

@RepdeskIntegrationTest
class KnowledgeIntegrationTests {

    @Autowired
    ArticleManagement articles;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    ArticleIndex index;

    @Autowired
    NeedManagement needs;

    @Autowired
    SelfService selfService;

    @Autowired
    KnowledgeMeasures measures;

    @Autowired
    Journal journal;

    @Autowired
    TestClock clock;

    @AfterEach
    void realTime() {
        clock.release();
    }

    @Test
    void keepsEveryVersionAndMovesLinkedNeedsToEmpowerWhenPublished() {
        ServiceNeed need = need("Statements show the wrong name");
        Article draft = articles.create(new ArticleDraft("Wrong name on statements", "My statement shows my old name.",
                "", "Change your name under Settings.", "", null, Audience.PUBLIC, List.of(need.id()), "first"));
        Article revised = articles.revise(draft.id(), new ArticleDraft("Wrong name on statements",
                "My statement shows my old name.", "Web and app", "Change your name under **Settings › Profile**.",
                "Statements use the name at the time they were made.", null, Audience.PUBLIC, List.of(need.id()),
                "steps made precise"), 1);
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.RESPOND);

        Article published = articles.publish(revised.id());

        assertThat(published.state()).isEqualTo(ArticleState.PUBLISHED);
        assertThat(published.publishedAt()).isNotNull();
        assertThat(articles.versions(draft.id())).extracting(ArticleVersion::version).containsExactly(3, 2, 1);
        assertThat(articles.version(draft.id(), 1).environment()).isEmpty();
        assertThat(articles.version(draft.id(), 2).note()).isEqualTo("steps made precise");
        assertThat(needs.get(need.id()).stage()).isEqualTo(LifecycleStage.EMPOWER);
        var moved = journal.forStream("need", need.id().value()).getLast();
        assertThat(moved.type()).isEqualTo("NeedStageChanged");
        assertThat(moved.payload()).contains(published.reference() + " published");
        assertThatThrownBy(() -> articles.revise(draft.id(), ArticleFixtures.draft("p", "t", "i", "r"), 1))
                .isInstanceOf(Conflict.class).hasMessageContaining("version 3");
    }

    @Test
    void refusesADraftWithoutAResolutionNamingTheField() {
        assertThatThrownBy(() -> articles.create(ArticleFixtures.draft(null, "Title", "Issue", " ")))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("resolution");
        assertThatThrownBy(() -> articles.create(new ArticleDraft("T", "I", "", "R", "", null, Audience.PUBLIC,
                List.of(NeedId.random()), null)))
                .isInstanceOf(InvalidInput.class).extracting(e -> ((InvalidInput) e).field()).isEqualTo("needIds[0]");
    }

    @Test
    void findsTheRightArticleInTheTopThreeForCustomersQuestionsTyposIncluded() {
        String product = "Relevance " + UUID.randomUUID().toString().substring(0, 8);
        for (ArticleDraft draft : ArticleFixtures.helpCentre(product)) {
            articles.publish(articles.create(draft).id());
        }
        awaitIndex();

        for (String[] question : ArticleFixtures.QUESTIONS) {
            List<Hit> hits = search.forCustomers(question[0], null, product, 3);
            assertThat(hits).as("top 3 for \"%s\"", question[0]).extracting(Hit::title).contains(question[1]);
        }
    }

    @Test
    void customersNeverFindDraftsOrInternalArticles() {
        String word = "zebracrossing" + UUID.randomUUID().toString().substring(0, 6);
        Article internal = articles.create(new ArticleDraft("Internal " + word, "Agents only " + word, "",
                "Escalate " + word, "", null, Audience.INTERNAL, List.of(), null));
        articles.publish(internal.id());
        articles.create(ArticleFixtures.draft(null, "Draft " + word, "Not yet " + word, "Soon " + word));
        awaitIndex();

        // Other tests' public articles may come up by meaning alone; neither of these two may.
        assertThat(search.forCustomers(word, null, null, 10)).extracting(Hit::title).noneMatch(t -> t.contains(word));
        assertThat(search.forAgents(word, null, Set.of(), null, null, 10)).extracting(Hit::title)
                .filteredOn(t -> t.contains(word)).hasSize(2);
        assertThat(search.forAgents(word, Audience.INTERNAL, Set.of(ArticleState.PUBLISHED), null, null, 10))
                .extracting(Hit::title).containsExactly("Internal " + word);
    }

    @Test
    void highlightsMatchedWordsAsTextSoMarkupInQueriesAndArticlesStaysInert() {
        String product = "Inert " + UUID.randomUUID().toString().substring(0, 8);
        articles.publish(articles.create(ArticleFixtures.draft(product, "Passcode <b>reset</b>",
                "I forgot my passcode <script>alert('x')</script>", "Tap Forgot passcode.")).id());
        awaitIndex();

        List<Hit> hits = search.forCustomers("<img src=x onerror=alert(1)> passcode", null, product, 5);

        // Articles for every product (no product) may match the query's words too; this test's article is one.
        List<Hit> ours = hits.stream().filter(h -> product.equals(h.product())).toList();
        assertThat(ours).hasSize(1);
        List<Fragment> snippet = ours.getFirst().snippet();
        assertThat(snippet).filteredOn(Fragment::highlighted).extracting(Fragment::text).contains("passcode");
        // The snippet is text to be escaped by the page, never HTML of its own.
        assertThat(String.join("", snippet.stream().map(Fragment::text).toList())).contains("<script>");
    }

    @Test
    void countsSolvedSessionsAsDeflectedUnlessARequestFollowsWithin24Hours() {
        ServiceNeed need = need("The app logs me out");
        Article article = articles.publish(articles.create(new ArticleDraft("Staying signed in", "The app logs me out",
                "", "Turn on Remember me.", "", null, Audience.PUBLIC, List.of(need.id()), null)).id());
        CustomerId customer = CustomerId.random();
        clock.pin(java.time.Instant.parse("2026-11-20T10:00:00Z"));
        UUID solvedOnly = UUID.randomUUID();
        selfService.searched(solvedOnly, null, "logged out", need.id(), 1);
        selfService.viewed(solvedOnly, null, article.id());
        selfService.solved(solvedOnly, null, article.id());
        selfService.solved(solvedOnly, null, article.id());
        UUID thenFiled = UUID.randomUUID();
        selfService.viewed(thenFiled, customer, article.id());
        clock.advance(Duration.ofHours(2));
        selfService.requestFiled(null, customer);

        Usage usage = measures.ofArticle(article.id());
        assertThat(usage.views()).isEqualTo(2);
        assertThat(usage.solved()).isEqualTo(1);
        assertThat(usage.sessions()).isEqualTo(2);
        assertThat(usage.deflected()).isEqualTo(1);
        assertThat(usage.followed()).isEqualTo(1);
        assertThat(usage.deflectionRate()).isEqualTo(0.5);
        assertThat(measures.ofNeed(need.id()).usage().searches()).isEqualTo(1);
        assertThat(measures.ofNeed(need.id()).usage().deflected()).isEqualTo(1);
    }

    @Test
    void recordsWhatACustomerIsStillTypingAsOneSearch() {
        ServiceNeed need = need("Typing need");
        UUID session = UUID.randomUUID();
        selfService.searched(session, null, "my card", need.id(), 0);
        selfService.searched(session, null, "my card is bl", need.id(), 0);
        selfService.searched(session, null, "my card is blocked", need.id(), 2);

        assertThat(measures.ofNeed(need.id()).usage().searches()).isEqualTo(1);
    }

    private ServiceNeed need(String title) {
        String key = "kb_" + UUID.randomUUID().toString().substring(0, 8);
        return needs.define(new NewNeed(key, title, "", DemandClass.ROUTINE, null));
    }

    private void awaitIndex() {
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(30))).isTrue();
    }
}

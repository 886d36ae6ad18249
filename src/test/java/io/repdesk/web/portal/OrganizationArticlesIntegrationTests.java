package io.repdesk.web.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import io.repdesk.RepdeskIntegrationTest;
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
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.need.ServiceNeed;
import io.repdesk.search.ArticleIndex;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.security.PortalAccounts;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.OrganizationId;

/**
 * Articles limited to organizations, with two organizations: each organization's signed-in customers find, are
 * suggested and read their own article and never the other's; a visitor who has not signed in sees neither; a
 * guessed reference of the other organization's article is "not found", as for one that does not exist.
 */
@RepdeskIntegrationTest
class OrganizationArticlesIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    CustomerManagement customers;

    @Autowired
    PortalAccounts accounts;

    @Autowired
    NeedManagement needs;

    @Autowired
    ArticleManagement articles;

    @Autowired
    KnowledgeSearch search;

    @Autowired
    ArticleIndex index;

    @Autowired
    Journal journal;

    @Test
    void eachOrganizationSeesOnlyItsOwnArticlesInSearchSuggestionsAndArticlePages() {
        String word = word("numbat");
        Organization north = customers.registerOrganization("North " + word, "business");
        Organization south = customers.registerOrganization("South " + word, "business");
        ServiceNeed need = needs.define(new NewNeed("kb_org_" + word, "Card reader " + word + " will not pair", "",
                DemandClass.ROUTINE, null));
        Article everyone = publish("Pairing the " + word + " reader", need, List.of());
        Article forNorth = publish("North: pairing the " + word + " reader on the shop network", need,
                List.of(north.id()));
        Article forSouth = publish("South: pairing the " + word + " reader behind the proxy", need,
                List.of(south.id()));
        assertThat(index.awaitSequence(journal.head(), Duration.ofSeconds(120))).isTrue();

        assertThat(titles(search.forCustomers(word + " reader", null, null, north.id(), 10)))
                .contains(everyone.title(), forNorth.title()).doesNotContain(forSouth.title());
        assertThat(titles(search.forCustomers(word + " reader", null, null, south.id(), 10)))
                .contains(everyone.title(), forSouth.title()).doesNotContain(forNorth.title());
        assertThat(titles(search.forCustomers(word + " reader", null, null, 10)))
                .contains(everyone.title()).doesNotContain(forNorth.title(), forSouth.title());
        assertThat(titles(search.forAgents(word + " reader", null, Set.of(), null, null, 10)))
                .contains(everyone.title(), forNorth.title(), forSouth.title());
        assertThat(search.forAgents(word + " reader", null, Set.of(), null, null, 10).stream()
                .filter(h -> h.articleId().equals(forNorth.id())).findFirst().orElseThrow().organizationIds())
                .containsExactly(north.id().toString());

        KnowledgeSearch.Suggestions suggested = search.suggest(word + " reader will not pair", north.id(), 5);
        List<String> suggestedTitles = new java.util.ArrayList<>(titles(suggested.hits()));
        suggested.needArticles().forEach(a -> suggestedTitles.add(a.title()));
        assertThat(suggestedTitles).contains(forNorth.title()).doesNotContain(forSouth.title());

        PortalClient northCustomer = signedIn(north, word);
        PortalClient southCustomer = signedIn(south, word);
        PortalClient visitor = new PortalClient(port);

        String northHelp = northCustomer.get("/portal/help?q=" + word).body();
        assertThat(northHelp).contains(forNorth.reference()).doesNotContain(forSouth.reference());
        String southHelp = southCustomer.get("/portal/help?q=" + word).body();
        assertThat(southHelp).contains(forSouth.reference()).doesNotContain(forNorth.reference());
        String visitorHelp = visitor.get("/portal/help?q=" + word).body();
        assertThat(visitorHelp).contains(everyone.reference()).doesNotContain(forNorth.reference(),
                forSouth.reference());

        assertThat(northCustomer.get("/portal/articles/" + forNorth.reference()).status()).isEqualTo(200);
        assertThat(northCustomer.get("/portal/articles/" + forSouth.reference()).status()).isEqualTo(404);
        assertThat(southCustomer.get("/portal/articles/" + forNorth.reference()).status()).isEqualTo(404);
        assertThat(visitor.get("/portal/articles/" + forNorth.reference()).status()).isEqualTo(404);
        assertThat(northCustomer.get("/portal/articles/" + forSouth.reference() + "/inline").status())
                .isEqualTo(404);
        assertThat(northCustomer.post("/portal/articles/" + forSouth.reference() + "/solved", Map.of()).status())
                .isEqualTo(404);
        assertThat(northCustomer.get("/portal/articles/KB-999999999").status()).isEqualTo(404);

        String northSuggestions = northCustomer.post("/portal/requests/new/suggestions",
                Map.of("subject", word + " reader will not pair", "description", "")).body();
        assertThat(northSuggestions).contains(forNorth.reference()).doesNotContain(forSouth.reference());
        String southSuggestions = southCustomer.post("/portal/requests/new/suggestions",
                Map.of("subject", word + " reader will not pair", "description", "")).body();
        assertThat(southSuggestions).contains(forSouth.reference()).doesNotContain(forNorth.reference());
    }

    @Test
    void refusesAnUnknownOrganizationAndAnInternalArticleLimitedToOrganizations() {
        OrganizationId unknown = OrganizationId.random();
        assertThatThrownBy(() -> articles.create(draft("T " + word("x"), null, Audience.PUBLIC, List.of(unknown))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("organizationIds[0]");
        Organization some = customers.registerOrganization("Some " + word("org"), "business");
        assertThatThrownBy(() -> articles.create(draft("T " + word("x"), null, Audience.INTERNAL, List.of(some.id()))))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("organizationIds");
    }

    private Article publish(String title, ServiceNeed need, List<OrganizationId> organizations) {
        return articles.publish(articles.create(draft(title, need, Audience.PUBLIC, organizations)).id());
    }

    private static ArticleDraft draft(String title, @org.jspecify.annotations.Nullable ServiceNeed need,
            Audience audience, List<OrganizationId> organizations) {
        return new ArticleDraft(title, "The reader will not pair: " + title, "", "Hold the button for five seconds.",
                "", null, audience, need == null ? List.of() : List.of(need.id()), null, organizations);
    }

    private PortalClient signedIn(Organization organization, String word) {
        String email = organization.name().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + "@example.com";
        Customer customer = customers.register(new NewCustomer(organization.id(), "Customer of " + organization.name(),
                email, new EnvironmentProfile(null, null, null, null, null, Map.of()), null));
        accounts.setPassword(customer.id(), "organization-" + word);
        PortalClient client = new PortalClient(port);
        assertThat(client.signIn(email, "organization-" + word).location()).endsWith("/portal");
        return client;
    }

    private static List<String> titles(List<Hit> hits) {
        return hits.stream().map(Hit::title).toList();
    }

    private static String word(String stem) {
        return stem + UUID.randomUUID().toString().replaceAll("[^a-f]", "").substring(0, 5);
    }
}

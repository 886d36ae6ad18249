package io.repdesk.web.portal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.ArticleMarkdown;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.knowledge.SelfService;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.PortalCustomer;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.NotFound;
import jakarta.servlet.http.HttpSession;

/**
 * Self-service on the portal: the help search, article pages, suggestions while a request is written, and
 * "this solved it". Everything a customer does here is recorded against their self-service session.
 */
@Controller
@Permits(Permission.ANYONE)
class PortalKnowledgeController {

    static final int RESULTS = 10;
    static final int SUGGESTIONS = 3;

    private final KnowledgeSearch search;
    private final ArticleManagement articles;
    private final SelfService selfService;
    private final NeedManagement needs;
    private final PortalAccess access;

    PortalKnowledgeController(KnowledgeSearch search, ArticleManagement articles, SelfService selfService,
            NeedManagement needs, PortalAccess access) {
        this.search = search;
        this.access = access;
        this.articles = articles;
        this.selfService = selfService;
        this.needs = needs;
    }

    @GetMapping("/portal/help")
    String help(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable String need,
            @RequestParam(required = false) @Nullable String product, @AuthenticationPrincipal @Nullable PortalCustomer me,
            HttpSession session, Model model) {
        NeedId needId = need == null || need.isBlank() ? null : NeedId.of(need);
        var hits = search.forCustomers(q, needId, product, access.organization(me), RESULTS);
        if (!q.isBlank()) {
            ServiceNeed matched = needId != null ? needs.get(needId) : search.matchedNeed(q);
            selfService.searched(SelfServiceSessionId.of(session), customer(me), q, matched == null ? null
                    : matched.id(), hits.size());
        }
        model.addAttribute("q", q);
        model.addAttribute("need", needId == null ? "" : needId.toString());
        model.addAttribute("product", product == null ? "" : product);
        model.addAttribute("hits", hits);
        model.addAttribute("needs", needsWithArticles());
        return "portal/help";
    }

    @GetMapping("/portal/articles/{reference}")
    String article(@PathVariable String reference, @AuthenticationPrincipal @Nullable PortalCustomer me,
            HttpSession session, Model model) {
        Article article = readable(reference, me);
        selfService.viewed(SelfServiceSessionId.of(session), customer(me), article.id());
        model.addAttribute("article", article);
        model.addAttribute("html", rendered(article));
        return "portal/article";
    }

    /** The article's answer inside the request form (htmx): counted as a view. */
    @Permits(Permission.PORTAL)
    @GetMapping("/portal/articles/{reference}/inline")
    String inline(@PathVariable String reference, @AuthenticationPrincipal @Nullable PortalCustomer me,
            HttpSession session, Model model) {
        Article article = readable(reference, me);
        selfService.viewed(SelfServiceSessionId.of(session), customer(me), article.id());
        model.addAttribute("article", article);
        model.addAttribute("html", rendered(article));
        return "portal/suggestions :: answer";
    }

    @PostMapping("/portal/articles/{reference}/solved")
    String solved(@PathVariable String reference, @AuthenticationPrincipal @Nullable PortalCustomer me,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, HttpSession session,
            Model model, RedirectAttributes redirect) {
        Article article = readable(reference, me);
        selfService.solved(SelfServiceSessionId.of(session), customer(me), article.id());
        if (htmx != null) {
            model.addAttribute("article", article);
            return "portal/suggestions :: solved";
        }
        redirect.addFlashAttribute("notice", "Glad that helped. Thank you for telling us.");
        return "redirect:/portal/articles/" + article.reference();
    }

    /** Suggestions for the subject and description typed so far (htmx, while the customer types). */
    @Permits(Permission.PORTAL)
    @PostMapping("/portal/requests/new/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String subject,
            @RequestParam(defaultValue = "") String description, @AuthenticationPrincipal PortalCustomer me,
            HttpSession session, Model model) {
        String text = (subject.strip() + "\n" + description.strip()).strip();
        KnowledgeSearch.Suggestions suggestions = text.length() < 3
                ? new KnowledgeSearch.Suggestions(null, List.of(), List.of())
                : search.suggest(text, access.organization(me), SUGGESTIONS);
        if (!suggestions.isEmpty()) {
            selfService.searched(SelfServiceSessionId.of(session), me.customerId(), text,
                    suggestions.need() == null ? null : suggestions.need().id(),
                    suggestions.needArticles().size() + suggestions.hits().size());
        }
        model.addAttribute("suggestions", suggestions);
        return "portal/suggestions :: suggestions";
    }

    /**
     * A published public article for everyone or for the customer's organization; anything else, another
     * organization's article included, is answered as if it did not exist.
     */
    private Article readable(String reference, @Nullable PortalCustomer me) {
        Article article = articles.byReference(reference);
        if (!article.readableBy(access.organization(me))) {
            throw new NotFound("article", "reference", reference);
        }
        return article;
    }

    private List<ServiceNeed> needsWithArticles() {
        Set<NeedId> covered = Set.copyOf(articles.needsWithPublishedArticles());
        return needs.all().stream().filter(n -> covered.contains(n.id())).toList();
    }

    static Map<String, String> rendered(Article a) {
        Map<String, String> html = new HashMap<>();
        html.put("issue", ArticleMarkdown.html(a.issue()));
        html.put("environment", ArticleMarkdown.html(a.environment()));
        html.put("resolution", ArticleMarkdown.html(a.resolution()));
        html.put("cause", ArticleMarkdown.html(a.cause()));
        return html;
    }

    private static @Nullable CustomerId customer(@Nullable PortalCustomer me) {
        return me == null ? null : me.customerId();
    }
}

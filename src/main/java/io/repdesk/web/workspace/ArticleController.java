package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.Organization;
import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleDraft;
import io.repdesk.knowledge.ArticleFilter;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.knowledge.ArticleMarkdown;
import io.repdesk.knowledge.ArticleState;
import io.repdesk.knowledge.Audience;
import io.repdesk.knowledge.KnowledgeMeasures;
import io.repdesk.knowledge.ReuseManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.PageRequest;
import tools.jackson.databind.json.JsonMapper;

/** Articles in the workspace: the list, one article with its measures, the editor with preview, and the history. */
@Controller
@Permits(Permission.WRITE_KNOWLEDGE)
class ArticleController {

    static final int PER_PAGE = 50;
    /** The organizations the editor lists besides those the article is already limited to. */
    static final int ORGANIZATIONS = 200;

    private final ArticleManagement articles;
    private final KnowledgeMeasures measures;
    private final ReuseManagement reuses;
    private final NeedManagement needs;
    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final CustomerManagement customers;
    private final JsonMapper json;

    ArticleController(ArticleManagement articles, KnowledgeMeasures measures, ReuseManagement reuses,
            NeedManagement needs, CaseManagement cases, ContactManagement contacts, CustomerManagement customers,
            JsonMapper json) {
        this.articles = articles;
        this.json = json;
        this.measures = measures;
        this.reuses = reuses;
        this.needs = needs;
        this.cases = cases;
        this.contacts = contacts;
        this.customers = customers;
    }

    /** What the editor form holds, as typed. */
    record ArticleForm(String title, String issue, String environment, String resolution, String cause,
            String product, String audience, List<String> needIds, String note, @Nullable Integer version,
            List<String> organizationIds) {

        static ArticleForm of(Article a) {
            return new ArticleForm(a.title(), a.issue(), a.environment(), a.resolution(), a.cause(),
                    a.product() == null ? "" : a.product(), a.audience().name(),
                    a.needIds().stream().map(NeedId::toString).toList(), "", a.version(),
                    a.organizationIds().stream().map(OrganizationId::toString).toList());
        }

        ArticleDraft draft() {
            List<NeedId> ids = new ArrayList<>();
            for (int i = 0; i < needIds.size(); i++) {
                if (!needIds.get(i).isBlank()) {
                    ids.add(new NeedId(io.repdesk.shared.Ids.parse(needIds.get(i), "needIds[" + i + "]")));
                }
            }
            List<OrganizationId> organizations = new ArrayList<>();
            for (int i = 0; i < organizationIds.size(); i++) {
                if (!organizationIds.get(i).isBlank()) {
                    organizations.add(new OrganizationId(
                            io.repdesk.shared.Ids.parse(organizationIds.get(i), "organizationIds[" + i + "]")));
                }
            }
            Audience chosen;
            try {
                chosen = Audience.valueOf(audience);
            } catch (IllegalArgumentException e) {
                throw new InvalidInput("audience", "must be PUBLIC or INTERNAL");
            }
            return new ArticleDraft(title, issue, environment, resolution, cause, product, chosen, ids, note,
                    organizations);
        }
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/articles")
    String list(@RequestParam(required = false) @Nullable ArticleState state,
            @RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable UUID need,
            @RequestParam(defaultValue = "0") int page, Model model) {
        var filter = new ArticleFilter(state, null, need == null ? null : new NeedId(need), q);
        var listed = articles.list(filter, new PageRequest(Math.max(0, page), PER_PAGE));
        model.addAttribute("articles", listed);
        model.addAttribute("organizations",
                organizationNames(listed.items().stream().flatMap(a -> a.organizationIds().stream()).toList()));
        model.addAttribute("state", state == null ? "" : state.name());
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("gaps", needs.getAll(measures.gaps().stream().map(l -> l.needId()).toList()));
        return "articles";
    }

    /** A new article, prefilled from a case (its need and the reply that resolved it) or for a need. */
    @GetMapping("/articles/new")
    String create(@RequestParam(name = "case", required = false) @Nullable String caseReference,
            @RequestParam(required = false) @Nullable UUID need, Model model) {
        ArticleForm form = new ArticleForm("", "", "", "", "", "", Audience.PUBLIC.name(),
                need == null ? List.of() : List.of(need.toString()), "", null, List.of());
        if (caseReference != null && !caseReference.isBlank()) {
            form = fromCase(cases.byReference(caseReference));
            model.addAttribute("fromCase", caseReference);
        }
        return editor(form, null, Map.of(), model);
    }

    @PostMapping("/articles")
    String save(@RequestParam Map<String, String> params,
            @RequestParam(name = "needIds", required = false) @Nullable List<String> needIds,
            @RequestParam(name = "organizationIds", required = false) @Nullable List<String> organizationIds,
            Model model, RedirectAttributes redirect) {
        ArticleForm form = form(params, needIds, organizationIds);
        try {
            Article created = articles.create(form.draft());
            redirect.addFlashAttribute("notice", "Saved " + created.reference() + " as a draft.");
            return "redirect:/articles/" + created.reference();
        } catch (InvalidInput e) {
            return editor(form, null, problems(form, e), model);
        }
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/articles/{reference}")
    String show(@PathVariable String reference, Model model) {
        Article article = articles.byReference(reference);
        model.addAttribute("article", article);
        model.addAttribute("html", rendered(article));
        model.addAttribute("needs", needs.getAll(article.needIds()));
        model.addAttribute("organizations", organizationNames(article.organizationIds()));
        model.addAttribute("usage", measures.ofArticle(article.id()));
        var contacts = measures.contactsOf(article);
        model.addAttribute("contacts", contacts);
        model.addAttribute("contactsChart", ContactTrendChart.json(contacts, json));
        model.addAttribute("reuses", reuses.ofArticle(article.id()));
        return "article";
    }

    @GetMapping("/articles/{reference}/edit")
    String edit(@PathVariable String reference, Model model) {
        Article article = articles.byReference(reference);
        return editor(ArticleForm.of(article), article, Map.of(), model);
    }

    @PostMapping("/articles/{reference}")
    String revise(@PathVariable String reference, @RequestParam Map<String, String> params,
            @RequestParam(name = "needIds", required = false) @Nullable List<String> needIds,
            @RequestParam(name = "organizationIds", required = false) @Nullable List<String> organizationIds,
            Model model, RedirectAttributes redirect) {
        Article article = articles.byReference(reference);
        ArticleForm form = form(params, needIds, organizationIds);
        try {
            Article revised = articles.revise(article.id(), form.draft(), form.version());
            redirect.addFlashAttribute("notice", "Saved version " + revised.version() + ".");
            return "redirect:/articles/" + revised.reference();
        } catch (InvalidInput e) {
            return editor(form, article, problems(form, e), model);
        } catch (Conflict e) {
            return editor(form, article, Map.of("version", e.getMessage()), model);
        }
    }

    /** The Markdown as the article will show it (htmx, as the author types). */
    @PostMapping("/articles/preview")
    String preview(@RequestParam(defaultValue = "") String issue, @RequestParam(defaultValue = "") String environment,
            @RequestParam(defaultValue = "") String resolution, @RequestParam(defaultValue = "") String cause,
            Model model) {
        Map<String, String> html = new LinkedHashMap<>();
        html.put("issue", ArticleMarkdown.html(issue));
        html.put("environment", ArticleMarkdown.html(environment));
        html.put("resolution", ArticleMarkdown.html(resolution));
        html.put("cause", ArticleMarkdown.html(cause));
        model.addAttribute("html", html);
        return "article-editor :: preview";
    }

    @PostMapping("/articles/{reference}/publish")
    String publish(@PathVariable String reference, RedirectAttributes redirect) {
        Article published = articles.publish(articles.byReference(reference).id());
        redirect.addFlashAttribute("notice", "Published; customers can find it now.");
        return "redirect:/articles/" + published.reference();
    }

    @PostMapping("/articles/{reference}/archive")
    String archive(@PathVariable String reference, RedirectAttributes redirect) {
        Article archived = articles.archive(articles.byReference(reference).id());
        redirect.addFlashAttribute("notice", "Archived; it is no longer shown or suggested.");
        return "redirect:/articles/" + archived.reference();
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/articles/{reference}/history")
    String history(@PathVariable String reference, @RequestParam(required = false) @Nullable Integer version,
            Model model) {
        Article article = articles.byReference(reference);
        model.addAttribute("article", article);
        model.addAttribute("versions", articles.versions(article.id()));
        var shown = articles.version(article.id(), version == null ? article.version() : version);
        model.addAttribute("shown", shown);
        Map<String, String> html = new LinkedHashMap<>();
        html.put("issue", ArticleMarkdown.html(shown.issue()));
        html.put("environment", ArticleMarkdown.html(shown.environment()));
        html.put("resolution", ArticleMarkdown.html(shown.resolution()));
        html.put("cause", ArticleMarkdown.html(shown.cause()));
        model.addAttribute("html", html);
        return "article-history";
    }

    /** The needs the form names, in its order; an id that is not a need's is left out (its error says why). */
    private List<io.repdesk.need.ServiceNeed> chosenNeeds(List<String> ids) {
        List<NeedId> parsed = new ArrayList<>();
        for (String id : ids) {
            try {
                parsed.add(NeedId.of(id));
            } catch (RuntimeException e) {
                // not an id: the form's errors name it
            }
        }
        Map<NeedId, io.repdesk.need.ServiceNeed> found = needs.getAll(parsed);
        return parsed.stream().distinct().filter(found::containsKey).map(found::get).toList();
    }

    private String editor(ArticleForm form, @Nullable Article article, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("article", article);
        model.addAttribute("errors", errors);
        model.addAttribute("chosenNeeds", chosenNeeds(form.needIds()));
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("allOrganizations", organizationChoices(form));
        Map<String, String> html = new LinkedHashMap<>();
        html.put("issue", ArticleMarkdown.html(form.issue()));
        html.put("environment", ArticleMarkdown.html(form.environment()));
        html.put("resolution", ArticleMarkdown.html(form.resolution()));
        html.put("cause", ArticleMarkdown.html(form.cause()));
        model.addAttribute("html", html);
        return "article-editor";
    }

    /** The case's need in the customer's words, their environment, and the last agent reply as the resolution. */
    private ArticleForm fromCase(SupportCase supportCase) {
        ServiceNeed need = supportCase.needId() == null ? null : needs.get(supportCase.needId());
        Customer customer = customers.get(supportCase.customerId());
        List<Contact> thread = contacts.forCase(supportCase.id());
        String issue = thread.stream().filter(c -> c.direction() == Direction.INBOUND).map(Contact::body)
                .findFirst().orElse(supportCase.subject());
        String resolution = thread.stream().filter(c -> c.direction() == Direction.OUTBOUND)
                .reduce((a, b) -> b).map(Contact::body)
                .orElse(need != null && need.workaround() != null ? need.workaround() : "");
        var env = customer.environment();
        List<String> environment = new ArrayList<>();
        for (String[] part : new String[][] { { "Product", env.product() }, { "Version", env.version() },
                { "Platform", env.platform() }, { "Plan", env.plan() } }) {
            if (part[1] != null && !part[1].isBlank()) {
                environment.add("- " + part[0] + ": " + part[1]);
            }
        }
        return new ArticleForm(need != null ? need.title() : supportCase.subject(), issue,
                String.join("\n", environment), resolution, "", env.product() == null ? "" : env.product(),
                Audience.PUBLIC.name(), need == null ? List.of() : List.of(need.id().toString()),
                "Written from " + supportCase.reference(), null, List.of());
    }

    /** The organizations to choose from: the first ones by name, and every one the form already names. */
    private List<Organization> organizationChoices(ArticleForm form) {
        List<Organization> choices = new ArrayList<>(customers.organizations(new PageRequest(0, ORGANIZATIONS))
                .items());
        for (String chosen : form.organizationIds()) {
            if (chosen.matches("[0-9a-fA-F-]{36}") && choices.stream().noneMatch(o -> o.id().toString().equals(chosen))) {
                OrganizationId id = new OrganizationId(UUID.fromString(chosen));
                if (customers.organizationExists(id)) {
                    choices.add(customers.organization(id));
                }
            }
        }
        return choices;
    }

    /** The organizations' names by id, for the badges of articles limited to them. */
    private Map<OrganizationId, String> organizationNames(List<OrganizationId> ids) {
        Map<OrganizationId, String> names = new LinkedHashMap<>();
        ids.forEach(id -> names.computeIfAbsent(id, o -> customers.organization(o).name()));
        return names;
    }

    private static ArticleForm form(Map<String, String> p, @Nullable List<String> needIds,
            @Nullable List<String> organizationIds) {
        String version = p.getOrDefault("version", "");
        return new ArticleForm(p.getOrDefault("title", ""), p.getOrDefault("issue", ""),
                p.getOrDefault("environment", ""), p.getOrDefault("resolution", ""), p.getOrDefault("cause", ""),
                p.getOrDefault("product", ""), p.getOrDefault("audience", "PUBLIC"),
                needIds == null ? List.of() : needIds, p.getOrDefault("note", ""),
                version.matches("[0-9]{1,9}") ? Integer.valueOf(version) : null,
                organizationIds == null ? List.of() : organizationIds);
    }

    /** Every problem of the form by field, or the one the service named. */
    private static Map<String, String> problems(ArticleForm form, InvalidInput e) {
        try {
            Map<String, String> all = form.draft().problems();
            return all.isEmpty() ? Map.of(e.field(), e.reason()) : all;
        } catch (InvalidInput other) {
            return Map.of(other.field(), other.reason());
        }
    }

    static Map<String, String> rendered(Article a) {
        Map<String, String> html = new LinkedHashMap<>();
        html.put("issue", ArticleMarkdown.html(a.issue()));
        html.put("environment", ArticleMarkdown.html(a.environment()));
        html.put("resolution", ArticleMarkdown.html(a.resolution()));
        html.put("cause", ArticleMarkdown.html(a.cause()));
        return html;
    }
}

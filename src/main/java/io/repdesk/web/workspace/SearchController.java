package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.knowledge.ArticleState;
import io.repdesk.knowledge.Audience;
import io.repdesk.knowledge.KnowledgeSearch;
import io.repdesk.need.NeedManagement;
import io.repdesk.search.ArticleIndex.Fragment;
import io.repdesk.search.ArticleIndex.Hit;
import io.repdesk.search.ContactIndex;
import io.repdesk.search.Highlighter;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;

/** The agents' search: articles (any audience, filters) and the cases whose contacts match. */
@Controller
@Permits(Permission.VIEW_WORK)
class SearchController {

    static final int ARTICLES = 20;
    static final int CASES = 20;

    private final KnowledgeSearch knowledge;
    private final ContactIndex contacts;
    private final Highlighter highlighter;
    private final CaseManagement cases;
    private final NeedManagement needs;

    SearchController(KnowledgeSearch knowledge, ContactIndex contacts, Highlighter highlighter, CaseManagement cases,
            NeedManagement needs) {
        this.knowledge = knowledge;
        this.contacts = contacts;
        this.highlighter = highlighter;
        this.cases = cases;
        this.needs = needs;
    }

    /** A case found through one of its contacts, with the matching passage. */
    record CaseHit(SupportCase supportCase, List<Fragment> snippet) {
    }

    @GetMapping("/search")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) @Nullable Audience audience,
            @RequestParam(required = false) @Nullable ArticleState state, @RequestParam(required = false) @Nullable UUID need,
            @RequestParam(defaultValue = "") String product, Model model) {
        NeedId needId = need == null ? null : new NeedId(need);
        List<Hit> articles = knowledge.forAgents(q, audience, state == null ? Set.of() : Set.of(state), needId,
                product, ARTICLES);
        model.addAttribute("q", q);
        model.addAttribute("audience", audience == null ? "" : audience.name());
        model.addAttribute("state", state == null ? "" : state.name());
        model.addAttribute("need", need == null ? "" : need.toString());
        model.addAttribute("product", product);
        model.addAttribute("articles", articles);
        model.addAttribute("caseHits", q.isBlank() ? List.of() : caseHits(q));
        model.addAttribute("audiences", Audience.values());
        model.addAttribute("states", ArticleState.values());
        model.addAttribute("needTitle", needId == null ? "" : needs.getAll(List.of(needId)).values().stream()
                .map(io.repdesk.need.ServiceNeed::title).findFirst().orElse(""));
        return "search";
    }

    private List<CaseHit> caseHits(String q) {
        Map<CaseId, String> bestText = new LinkedHashMap<>();
        for (ContactIndex.Hit hit : contacts.keyword(q.length() > 1_000 ? q.substring(0, 1_000) : q, CASES * 3)) {
            bestText.putIfAbsent(hit.caseId(), hit.text());
        }
        List<CaseHit> hits = new ArrayList<>();
        for (Map.Entry<CaseId, String> e : bestText.entrySet()) {
            if (hits.size() == CASES) {
                break;
            }
            hits.add(new CaseHit(cases.get(e.getKey()), highlighter.snippet(e.getValue(), q, 200)));
        }
        return hits;
    }
}

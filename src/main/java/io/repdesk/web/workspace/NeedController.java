package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NeedLoad;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewContact;
import io.repdesk.journal.Journal;
import io.repdesk.need.NeedKeysFor;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.NewNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** The catalogue of needs and the page of one need with its cases. */
@Controller
@Permits(Permission.SHAPE_NEEDS)
class NeedController {

    static final int CASES_PER_PAGE = 50;

    private final NeedManagement needs;
    private final CaseManagement cases;
    private final CaseRows caseRows;
    private final Journal journal;
    private final NeedMatcher matcher;
    private final ContactManagement contacts;
    private final java.time.Clock clock;
    private final io.repdesk.knowledge.KnowledgeMeasures measures;
    private final tools.jackson.databind.json.JsonMapper json;
    private final AuditTrail audit;

    NeedController(NeedManagement needs, CaseManagement cases, CaseRows caseRows, Journal journal,
            NeedMatcher matcher, ContactManagement contacts, java.time.Clock clock,
            io.repdesk.knowledge.KnowledgeMeasures measures, tools.jackson.databind.json.JsonMapper json,
            AuditTrail audit) {
        this.audit = audit;
        this.measures = measures;
        this.json = json;
        this.contacts = contacts;
        this.clock = clock;
        this.matcher = matcher;
        this.needs = needs;
        this.cases = cases;
        this.caseRows = caseRows;
        this.journal = journal;
    }

    /** A need with its open-case count, as a row of the catalogue. */
    record NeedRow(ServiceNeed need, long openCases) {
    }

    /** The catalogue shows this many needs, busiest first; thousands of rows would make a slow, unreadable page. */
    static final int CATALOGUE_ROWS = 200;

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/needs")
    String list(Model model) {
        // the busiest needs by open cases, then (when fewer have open cases) the others by title; only the
        // needs shown are read, not the whole catalogue
        List<NeedLoad> busiest = cases.openLoadByNeed();
        Map<NeedId, ServiceNeed> busy = needs.getAll(busiest.stream().limit(CATALOGUE_ROWS * 2L)
                .map(NeedLoad::needId).toList());
        List<NeedRow> rows = new java.util.ArrayList<>();
        for (NeedLoad load : busiest) {
            ServiceNeed need = busy.get(load.needId());
            if (rows.size() < CATALOGUE_ROWS && need != null && need.mergedInto() == null) {
                rows.add(new NeedRow(need, load.openCases()));
            }
        }
        Page<ServiceNeed> byTitle = needs.list(io.repdesk.need.NeedFilter.any(), new PageRequest(0, CATALOGUE_ROWS));
        java.util.Set<NeedId> shown = new java.util.HashSet<>(rows.stream().map(r -> r.need().id()).toList());
        for (int page = 1; rows.size() < CATALOGUE_ROWS && !byTitle.items().isEmpty(); page++) {
            for (ServiceNeed need : byTitle.items()) {
                if (rows.size() < CATALOGUE_ROWS && shown.add(need.id())) {
                    rows.add(new NeedRow(need, 0));
                }
            }
            byTitle = needs.list(io.repdesk.need.NeedFilter.any(), new PageRequest(page, CATALOGUE_ROWS));
        }
        model.addAttribute("total", needs.list(io.repdesk.need.NeedFilter.any(), new PageRequest(0, 1)).total());
        model.addAttribute("rows", rows);
        model.addAttribute("gaps", measures.gapNeeds());
        model.addAttribute("falling", measures.fallingContacts());
        return "needs";
    }

    /** A need as the need pickers offer it. */
    record NeedOption(String id, String key, String title, String stage) {
    }

    /** How many needs a picker offers at once; typing narrows them. */
    static final int PICKER_OPTIONS = 20;

    /**
     * The needs whose title or key contains {@code q} (any case), by title: what the need pickers on the case,
     * search and article pages offer as the agent types, instead of a list of every need.
     */
    @Permits(Permission.VIEW_WORK)
    @GetMapping(value = "/needs/lookup", produces = org.springframework.http.MediaType.APPLICATION_JSON_VALUE)
    @org.springframework.web.bind.annotation.ResponseBody
    List<NeedOption> lookup(@RequestParam(defaultValue = "") String q) {
        String query = q.strip();
        query = query.substring(0, Math.min(query.length(), 200));
        return needs.list(new io.repdesk.need.NeedFilter(null, null, query.isEmpty() ? null : query),
                new PageRequest(0, PICKER_OPTIONS)).items().stream()
                .map(n -> new NeedOption(n.id().toString(), n.key(), n.title(), STAGES.label(n.stage()))).toList();
    }

    private static final Format STAGES = new Format();

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/needs/{id}")
    String show(@PathVariable UUID id, @RequestParam(defaultValue = "open") String show,
            @RequestParam(defaultValue = "0") int page, Model model) {
        ServiceNeed need = needs.get(new NeedId(id));
        boolean onlyOpen = !"all".equals(show);
        CaseFilter filter = new CaseFilter(null, onlyOpen ? Boolean.TRUE : null, need.id(), null, null, null);
        Page<SupportCase> list = cases.list(filter, new PageRequest(Math.max(page, 0), CASES_PER_PAGE));
        model.addAttribute("need", need);
        model.addAttribute("show", onlyOpen ? "open" : "all");
        model.addAttribute("cases", list);
        model.addAttribute("rows", caseRows.of(list.items()));
        model.addAttribute("history", audit.ofNeed(need, PageRequest.first(CaseController.RECENT_HISTORY)));
        var similar = matcher.similarTo(need.id(), 5);
        var similarNeeds = needs.getAll(similar.stream().map(NeedMatcher.Similar::needId).toList());
        model.addAttribute("similar", similar.stream().filter(s -> similarNeeds.containsKey(s.needId()))
                .map(s -> new SimilarNeed(similarNeeds.get(s.needId()), Math.round(s.similarity() * 100))).toList());
        model.addAttribute("mergedInto", need.mergedInto() == null ? null : needs.get(need.mergedInto()));
        model.addAttribute("openCases", onlyOpen ? list.total() : cases.list(new CaseFilter(null, Boolean.TRUE,
                need.id(), null, null, null), new PageRequest(0, 1)).total());
        model.addAttribute("replyToken", UUID.randomUUID().toString());
        var knowledge = measures.ofNeed(need.id());
        model.addAttribute("knowledge", knowledge);
        model.addAttribute("knowledgeChart", ContactTrendChart.json(knowledge.contacts(), json));
        model.addAttribute("empowered", journal.forStream("need", need.id().value()).stream()
                .filter(e -> e.type().equals("NeedStageChanged")
                        && "EMPOWER".equals(json.readTree(e.payload()).path("to").asString("")))
                .reduce((a, b) -> b)
                .map(e -> new StageMove(e.occurredAt(), e.actor(), json.readTree(e.payload()).path("reason")
                        .asString("")))
                .orElse(null));
        return "need";
    }

    /** Who moved the need to a stage, when, and why (blank when a person chose to). */
    record StageMove(java.time.Instant at, String actor, String reason) {
    }

    @Permits(Permission.WRITE_KNOWLEDGE)
    @PostMapping("/needs/{id}/workaround")
    String publishWorkaround(@PathVariable UUID id, @RequestParam(required = false) String workaround,
            RedirectAttributes redirect) {
        try {
            needs.publishWorkaround(new NeedId(id), workaround);
            redirect.addFlashAttribute("notice", "Workaround published.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", "Write the workaround (1 to 5,000 characters) before publishing it.");
        }
        return "redirect:/needs/" + id;
    }

    /** A need that resembles the one shown, with its similarity in percent. */
    record SimilarNeed(ServiceNeed need, int percent) {
    }

    /**
     * Sends one reply to every open case of the need (each on its case's channel), e.g. the workaround.
     * Each case gets its own idempotency key from the form's token, so a repeated submit sends nothing twice.
     */
    @PostMapping("/needs/{id}/reply-all")
    String replyAll(@PathVariable UUID id, @RequestParam(required = false) String body,
            @RequestParam(required = false) String token, RedirectAttributes redirect) {
        ServiceNeed need = needs.get(new NeedId(id));
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > 20_000) {
            redirect.addFlashAttribute("error", "Write the reply (at most 20,000 characters) before sending it.");
            redirect.addFlashAttribute("replyAllBody", body);
            return "redirect:/needs/" + id;
        }
        String batch = token == null || token.isBlank() ? UUID.randomUUID().toString() : token;
        CaseFilter open = new CaseFilter(null, Boolean.TRUE, need.id(), null, null, null);
        List<SupportCase> targets = new java.util.ArrayList<>();
        Page<SupportCase> page;
        int number = 0;
        do {
            page = cases.list(open, new PageRequest(number++, 200));
            targets.addAll(page.items());
        } while (page.hasNext());
        int sent = 0;
        for (SupportCase c : targets) {
            Channel channel = c.channel() == null ? Channel.EMAIL : Channel.valueOf(c.channel());
            var recorded = contacts.reply(new NewContact(c.customerId(), c.id(), channel, Direction.OUTBOUND,
                    clock.instant(), "Re: " + c.subject(), text, null, "reply-all-" + batch + "-" + c.id(), null, null),
                    Enclosures.none());
            sent += recorded.duplicate() ? 0 : 1;
        }
        redirect.addFlashAttribute("notice", "Replied to " + sent + " open case" + (sent == 1 ? "" : "s") + ".");
        return "redirect:/needs/" + id;
    }

    @PostMapping("/needs/{id}/merge")
    String merge(@PathVariable UUID id, @RequestParam(required = false) UUID targetId, RedirectAttributes redirect) {
        if (targetId == null) {
            redirect.addFlashAttribute("error", "Choose the need to merge this one into.");
            return "redirect:/needs/" + id;
        }
        try {
            ServiceNeed into = needs.merge(new NeedId(id), new NeedId(targetId));
            redirect.addFlashAttribute("notice", "Merged; its cases now belong to this need.");
            return "redirect:/needs/" + into.id();
        } catch (Conflict | InvalidInput e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/needs/" + id;
        }
    }

    @PostMapping("/needs/{id}/split")
    String split(@PathVariable UUID id, @RequestParam(name = "caseId", required = false) List<UUID> caseIds,
            @RequestParam(required = false) String title, RedirectAttributes redirect) {
        String clean = title == null ? "" : title.strip();
        if (caseIds == null || caseIds.isEmpty() || clean.isEmpty() || clean.length() > 200) {
            redirect.addFlashAttribute("error", "Tick the cases to move and give the new need a title of 1–200 "
                    + "characters, in the customer's words.");
            return "redirect:/needs/" + id;
        }
        ServiceNeed source = needs.get(new NeedId(id));
        ServiceNeed created = needs.define(new NewNeed(NeedKeysFor.title(clean), clean,
                "Split from “" + source.title() + "”.", source.demandClass(), null));
        int moved = 0;
        for (UUID caseId : caseIds) {
            var supportCase = cases.get(new CaseId(caseId));
            if (source.id().equals(supportCase.needId())) {
                cases.linkToNeed(supportCase.id(), created.id());
                moved++;
            }
        }
        redirect.addFlashAttribute("notice", "Created “" + clean + "” and moved " + moved + " cases to it.");
        return "redirect:/needs/" + created.id();
    }
}

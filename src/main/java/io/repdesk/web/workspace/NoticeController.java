package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.repdesk.channel.EmailOutbox;
import io.repdesk.knowledge.Article;
import io.repdesk.knowledge.ArticleManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.prevent.NeedEvidence;
import io.repdesk.prevent.Notice;
import io.repdesk.prevent.Overrepresentation;
import io.repdesk.prevent.ProactiveNotices;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;

/**
 * The proactive-notice wizard: choose the cohort (suggested from the need's over-represented values), preview who it
 * reaches (never customers already affected or opted out), write the notice, send it through the outbox.
 */
@Controller
@Permits(Permission.SHAPE_NEEDS)
class NoticeController {

    private final ProactiveNotices notices;
    private final NeedEvidence evidence;
    private final NeedManagement needs;
    private final ArticleManagement articles;
    private final EmailOutbox outbox;

    NoticeController(ProactiveNotices notices, NeedEvidence evidence, NeedManagement needs,
            ArticleManagement articles, EmailOutbox outbox) {
        this.notices = notices;
        this.evidence = evidence;
        this.needs = needs;
        this.articles = articles;
        this.outbox = outbox;
    }

    @GetMapping("/needs/{id}/notices/new")
    String wizard(@PathVariable UUID id, @RequestParam(name = "cohort", required = false) List<String> cohort,
            Model model) {
        NeedId need = new NeedId(id);
        ServiceNeed shown = needs.get(need);
        List<String> suggested = evidence.of(need).significant().stream().filter(o -> !o.intake()).map(Overrepresentation::key).limit(6)
                .toList();
        List<String> chosen = cohort == null ? List.of() : cohort.stream().filter(k -> !k.isBlank()).toList();
        model.addAttribute("need", shown);
        // A cohort prefilled by a link (an upgrade warning's previous version) is offered ticked with the suggestions.
        model.addAttribute("suggested", java.util.stream.Stream.concat(chosen.stream(), suggested.stream()).distinct()
                .toList());
        model.addAttribute("chosen", chosen);
        model.addAttribute("mailEnabled", outbox.enabled());
        if (!chosen.isEmpty()) {
            try {
                model.addAttribute("preview", notices.preview(need, chosen));
            } catch (InvalidInput e) {
                model.addAttribute("error", e.getMessage());
            }
            model.addAttribute("subject", "About " + shown.title().toLowerCase(java.util.Locale.ROOT));
            model.addAttribute("body", body(shown));
        }
        return "notice-wizard";
    }

    @PostMapping("/needs/{id}/notices")
    String send(@PathVariable UUID id, @RequestParam(name = "cohort", required = false) List<String> cohort,
            @RequestParam(required = false) String subject, @RequestParam(required = false) String body,
            RedirectAttributes redirect) {
        List<String> chosen = cohort == null ? List.of() : cohort;
        try {
            String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/notices/opt-out/").toUriString();
            Notice sent = notices.send(new NeedId(id), chosen, subject, body, base);
            redirect.addFlashAttribute("notice", "Notice sent to " + sent.recipients() + " customers.");
            return "redirect:/needs/" + id + "/evidence";
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorField", e.field());
            var again = org.springframework.web.util.UriComponentsBuilder.fromPath("/needs/{id}/notices/new");
            chosen.forEach(k -> again.queryParam("cohort", k));
            return "redirect:" + again.buildAndExpand(id).encode().toUriString();
        }
    }

    /** The workaround and the published articles, as the notice's first draft. */
    private String body(ServiceNeed need) {
        List<String> parts = new ArrayList<>();
        parts.add("Hello,\n\nsome customers with a setup like yours have run into this: " + need.title() + ".");
        if (need.workaround() != null) {
            parts.add("Until it is fixed, this helps: " + need.workaround());
        }
        articles.ofNeed(need.id()).stream().filter(Article::isPublished)
                .forEach(a -> parts.add("Read more: " + a.reference() + " " + a.title()));
        parts.add("We are working on a fix and will not need anything from you.");
        return String.join("\n\n", parts);
    }
}

package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.CaseNote;
import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.Priority;
import io.repdesk.casework.SlaManagement;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.casework.TierLevel;
import io.repdesk.casework.TierManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.TeamId;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Contact;
import io.repdesk.contact.Direction;
import io.repdesk.contact.Enclosures;
import io.repdesk.contact.NewContact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.PageRequest;

/** The case page: summary, customer environment, the thread, the customer's timeline and the case history. */
@Controller
@Permits(Permission.WORK_CASES)
class CaseController {

    static final int TIMELINE_SHOWN = 50;

    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final AuditTrail audit;
    private final Suggestions suggestions;
    private final SlaManagement sla;
    private final EscalationManagement escalations;
    private final EmailOutbox outbox;
    private final TierManagement tiers;
    private final java.time.Clock clock;
    private final ContactEnclosureViews enclosures;
    private final CaseKnowledge knowledge;

    /** The changes shown on the case page; the history page has them all. */
    static final int RECENT_HISTORY = 10;

    CaseController(CaseManagement cases, ContactManagement contacts, CustomerManagement customers,
            NeedManagement needs, AuditTrail audit, Suggestions suggestions, SlaManagement sla,
            EscalationManagement escalations, EmailOutbox outbox, TierManagement tiers, java.time.Clock clock,
            ContactEnclosureViews enclosures, CaseKnowledge knowledge) {
        this.knowledge = knowledge;
        this.outbox = outbox;
        this.tiers = tiers;
        this.clock = clock;
        this.enclosures = enclosures;
        this.suggestions = suggestions;
        this.sla = sla;
        this.escalations = escalations;
        this.cases = cases;
        this.contacts = contacts;
        this.customers = customers;
        this.needs = needs;
        this.audit = audit;
    }

    /** A contact on the customer's timeline with the case it belongs to. */
    record TimelineEntry(Contact contact, SupportCase supportCase, boolean thisCase) {
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/cases/{reference}")
    String show(@PathVariable String reference, Model model) {
        SupportCase supportCase = cases.byReference(reference);
        Customer customer = customers.get(supportCase.customerId());
        model.addAttribute("case", supportCase);
        model.addAttribute("customer", customer);
        model.addAttribute("organization",
                customer.organizationId() == null ? null : customers.organization(customer.organizationId()));
        model.addAttribute("need", supportCase.needId() == null ? null : needs.get(supportCase.needId()));
        List<Contact> thread = contacts.forCase(supportCase.id());
        model.addAttribute("thread", thread);
        model.addAttribute("enclosures", enclosures.of(supportCase, thread));
        model.addAttribute("deliveries", outbox.forContacts(thread.stream()
                .filter(c -> c.direction() == Direction.OUTBOUND).map(Contact::id).toList()));
        model.addAttribute("mailEnabled", outbox.enabled());
        Map<CaseId, String> mergedReferences = new java.util.HashMap<>();
        cases.withMerged(supportCase.id()).stream().filter(id -> !id.equals(supportCase.id()))
                .forEach(id -> mergedReferences.put(id, cases.get(id).reference()));
        model.addAttribute("mergedReferences", mergedReferences);
        model.addAttribute("mergedInto", supportCase.mergedInto() == null ? null : cases.get(supportCase.mergedInto()));
        model.addAttribute("timeline", timeline(customer, supportCase));
        model.addAttribute("history", audit.ofCase(supportCase, PageRequest.first(RECENT_HISTORY)));
        model.addAttribute("triage", suggestions.of(supportCase.id()));
        model.addAttribute("statuses", CaseStatus.values());
        model.addAttribute("sla", sla.slaOf(supportCase.id()));
        List<Team> teams = escalations.teams();
        model.addAttribute("teams", teams);
        model.addAttribute("team", teams.stream().filter(t -> t.id().equals(supportCase.teamId())).findFirst()
                .orElse(null));
        model.addAttribute("tiers", tiers.inUse().stream().map(TierLevel::tier).toList());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("notes", cases.notes(supportCase.id()));
        model.addAttribute("replyToken", UUID.randomUUID().toString());
        model.addAttribute("escalations", escalations.escalations(supportCase.id()));
        model.addAttribute("suggestedEscalations", escalations.suggestions(supportCase.id()));
        model.addAttribute("caseArticles", knowledge.forCase(supportCase));
        model.addAttribute("reuses", knowledge.reusesOf(supportCase.id()));
        return "case";
    }

    /**
     * Puts an article into the reply being written and counts the reuse (htmx: answers with the reply box;
     * otherwise back to the case with the reply filled in).
     */
    @PostMapping("/cases/{reference}/reuse/{article}")
    String reuse(@PathVariable String reference, @PathVariable String article,
            @RequestParam(required = false) String body,
            @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model, RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        var used = knowledge.reuse(supportCase, article);
        String text = (body == null || body.isBlank() ? "" : body.strip() + "\n\n") + used.replyText();
        if (htmx == null) {
            redirect.addFlashAttribute("replyBody", text);
            redirect.addFlashAttribute("notice", used.notice());
            return "redirect:/cases/" + reference;
        }
        model.addAttribute("replyBody", text);
        model.addAttribute("reused", used.notice());
        return "case-compose :: compose";
    }

    @PostMapping("/cases/{reference}/reuses/{reuseId}/flag")
    String flagReuse(@PathVariable String reference, @PathVariable UUID reuseId,
            @RequestParam(required = false) String note, RedirectAttributes redirect) {
        try {
            knowledge.flag(reuseId, note);
            redirect.addFlashAttribute("notice", "Flagged; the article's authors see it on the article.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("reuseError", "Say what the article needs before flagging it.");
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/need")
    String linkNeed(@PathVariable String reference, @RequestParam(required = false) String needId,
            RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        if (needId == null || needId.isBlank()) {
            redirect.addFlashAttribute("needError", "Choose a need to link this case to.");
            return "redirect:/cases/" + reference;
        }
        try {
            ServiceNeed need = needs.get(new NeedId(UUID.fromString(needId)));
            cases.linkToNeed(supportCase.id(), need.id());
            redirect.addFlashAttribute("notice", "Linked to “" + need.title() + "”.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("needError", "That is not a need; choose one from the list.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("needError", e.getMessage());
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/confirm")
    String confirmNeed(@PathVariable String reference, RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        try {
            cases.confirmNeed(supportCase.id());
            redirect.addFlashAttribute("notice", "Need confirmed; matching learns from this case.");
        } catch (io.repdesk.shared.InvalidInput | Conflict e) {
            redirect.addFlashAttribute("needError", e.getMessage());
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/new-need")
    String newNeed(@PathVariable String reference, @RequestParam(required = false) String title,
            RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            redirect.addFlashAttribute("newNeedError", "Give the new need a title of 1–200 characters, in the "
                    + "customer's words.");
            return "redirect:/cases/" + reference;
        }
        try {
            cases.linkToNewNeed(supportCase.id(), new io.repdesk.need.NewNeed(io.repdesk.need.NeedKeysFor.title(clean), clean, "",
                    io.repdesk.need.DemandClass.UNCLASSIFIED, null));
            redirect.addFlashAttribute("notice", "Created the need “" + clean + "” and linked this case to it.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("newNeedError", e.getMessage());
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/escalate")
    String escalate(@PathVariable String reference, @RequestParam(required = false) String toTier,
            @RequestParam(required = false) String toTeamId, @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        try {
            Tier tier = toTier == null || toTier.isBlank() ? null : Tier.valueOf(toTier);
            TeamId team = toTeamId == null || toTeamId.isBlank() ? null : TeamId.of(toTeamId);
            SupportCase moved = escalations.escalate(supportCase.id(), tier, team, reason);
            redirect.addFlashAttribute("notice", "Escalated to " + moved.tier().name().replace('_', ' ').toLowerCase()
                    + (moved.assignee() == null ? "." : ", assigned to " + moved.assignee() + "."));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("escalationError", e.getMessage());
            redirect.addFlashAttribute("escalationReason", reason);
        } catch (IllegalArgumentException | Conflict e) {
            redirect.addFlashAttribute("escalationError", e.getMessage());
            redirect.addFlashAttribute("escalationReason", reason);
        }
        return "redirect:/cases/" + reference;
    }

    /** An agent's reply goes on the case's thread as an outbound contact and out to the customer. */
    @PostMapping("/cases/{reference}/reply")
    String reply(@PathVariable String reference, @RequestParam(required = false) String body,
            @RequestParam(required = false) String token, RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            redirect.addFlashAttribute("replyError", "Write the reply before sending it.");
            return "redirect:/cases/" + reference;
        }
        Channel channel = supportCase.channel() == null ? Channel.EMAIL : Channel.valueOf(supportCase.channel());
        try {
            var recorded = contacts.reply(new NewContact(supportCase.customerId(), supportCase.id(), channel,
                    Direction.OUTBOUND, clock.instant(), "Re: " + supportCase.subject(), text, null,
                    token == null || token.isBlank() ? null : "reply-" + token, null, null), Enclosures.none());
            redirect.addFlashAttribute("notice", recorded.duplicate() ? "This reply was already sent." : "Reply sent.");
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("replyError", e.getMessage());
            redirect.addFlashAttribute("replyBody", text);
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/notes")
    String addNote(@PathVariable String reference, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String body, RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        try {
            CaseNote.Kind noteKind = kind == null || kind.isBlank() ? CaseNote.Kind.NOTE : CaseNote.Kind.valueOf(kind);
            cases.addNote(supportCase.id(), noteKind, body);
            redirect.addFlashAttribute("notice", "Added to the notes.");
        } catch (InvalidInput | IllegalArgumentException | Conflict e) {
            redirect.addFlashAttribute("noteError", e instanceof InvalidInput ? e.getMessage() : "Choose a kind of note.");
            redirect.addFlashAttribute("noteBody", body);
        }
        return "redirect:/cases/" + reference;
    }

    /** Merges this case, a duplicate, into the case with the given reference. */
    @PostMapping("/cases/{reference}/merge")
    String merge(@PathVariable String reference, @RequestParam(required = false) String into,
            RedirectAttributes redirect) {
        SupportCase duplicate = cases.byReference(reference);
        String target = into == null ? "" : into.strip().toUpperCase(java.util.Locale.ROOT);
        if (target.isEmpty()) {
            redirect.addFlashAttribute("mergeError", "Give the reference of the case to merge this one into.");
            return "redirect:/cases/" + reference;
        }
        try {
            SupportCase kept = cases.merge(duplicate.id(), cases.byReference(target).id());
            redirect.addFlashAttribute("notice", "Merged " + reference + " into this case; its contacts are shown here.");
            return "redirect:/cases/" + kept.reference();
        } catch (io.repdesk.shared.NotFound e) {
            redirect.addFlashAttribute("mergeError", "There is no case " + target + ".");
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("mergeError", e.getMessage());
        }
        redirect.addFlashAttribute("mergeInto", into);
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/queue")
    String queue(@PathVariable String reference, @RequestParam(required = false) String teamId,
            RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        try {
            SupportCase queued = escalations.queue(supportCase.id(),
                    teamId == null || teamId.isBlank() ? null : TeamId.of(teamId));
            redirect.addFlashAttribute("notice", "In the team's queue"
                    + (queued.assignee() == null ? "." : ", assigned to " + queued.assignee() + "."));
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("queueError", e.getMessage());
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/priority")
    String changePriority(@PathVariable String reference, @RequestParam(required = false) String priority,
            RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        try {
            cases.changePriority(supportCase.id(), Priority.valueOf(priority == null ? "" : priority));
            redirect.addFlashAttribute("notice", "Priority changed.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("statusError", "Choose one of the priorities.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("statusError", e.getMessage());
        }
        return "redirect:/cases/" + reference;
    }

    @PostMapping("/cases/{reference}/status")
    String changeStatus(@PathVariable String reference, @RequestParam(required = false) String status,
            RedirectAttributes redirect) {
        SupportCase supportCase = cases.byReference(reference);
        try {
            CaseStatus next = CaseStatus.valueOf(status == null ? "" : status);
            cases.changeStatus(supportCase.id(), next);
            redirect.addFlashAttribute("notice", "Status changed.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("statusError", "Choose one of the statuses.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("statusError", e.getMessage());
        }
        return "redirect:/cases/" + reference;
    }

    private List<TimelineEntry> timeline(Customer customer, SupportCase current) {
        List<Contact> recent = contacts.timeline(customer.id(), PageRequest.first(TIMELINE_SHOWN)).items();
        Map<CaseId, SupportCase> caseById = new java.util.HashMap<>();
        caseById.put(current.id(), current);
        return recent.stream().map(c -> new TimelineEntry(c,
                caseById.computeIfAbsent(c.caseId(), cases::get), c.caseId().equals(current.id()))).toList();
    }
}

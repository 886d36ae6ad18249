package io.repdesk.web.workspace;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.CaseManagement;
import io.repdesk.need.NeedDiscovery;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Conflict;

/** Emerging needs: groups of triage cases that match no known need, fastest growing first. */
@Controller
@Permits(Permission.SHAPE_NEEDS)
class EmergingController {

    private final NeedDiscovery discovery;
    private final CaseManagement cases;

    EmergingController(NeedDiscovery discovery, CaseManagement cases) {
        this.discovery = discovery;
        this.cases = cases;
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/needs/emerging")
    String list(Model model) {
        model.addAttribute("groups", discovery.emerging());
        return "emerging";
    }

    @PostMapping("/needs/emerging/refresh")
    String refresh(RedirectAttributes redirect) {
        int found = discovery.refresh().size();
        redirect.addFlashAttribute("notice", "Clustered the triage cases again: " + found + " emerging needs.");
        return "redirect:/needs/emerging";
    }

    @PostMapping("/needs/emerging/{id}/promote")
    String promote(@PathVariable UUID id, @RequestParam(required = false) String title, RedirectAttributes redirect) {
        String clean = title == null ? "" : title.strip();
        if (clean.isEmpty() || clean.length() > 200) {
            redirect.addFlashAttribute("error", "Give the need a title of 1–200 characters, in the customer's words.");
            redirect.addFlashAttribute("errorFor", id);
            return "redirect:/needs/emerging";
        }
        try {
            NeedDiscovery.Promoted promoted = discovery.promote(id, clean, "");
            int linked = 0;
            for (CaseId caseId : promoted.cases()) {
                if (cases.get(caseId).needId() == null && cases.get(caseId).status().isOpen()) {
                    cases.linkToNeed(caseId, promoted.need().id());
                    linked++;
                }
            }
            redirect.addFlashAttribute("notice", "Created “" + clean + "” and linked " + linked + " cases to it.");
            return "redirect:/needs/" + promoted.need().id();
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:/needs/emerging";
        }
    }

    @PostMapping("/needs/emerging/{id}/dismiss")
    String dismiss(@PathVariable UUID id, RedirectAttributes redirect) {
        discovery.dismiss(id);
        redirect.addFlashAttribute("notice", "Dismissed; this group will not be proposed again.");
        return "redirect:/needs/emerging";
    }
}

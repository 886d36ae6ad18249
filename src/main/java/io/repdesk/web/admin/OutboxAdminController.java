package io.repdesk.web.admin;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.CaseManagement;
import io.repdesk.channel.EmailOutbox;
import io.repdesk.channel.OutboundMail;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.PageRequest;

/** The email outbox: what waits to go out, what went out, what failed and why; failed mail can be sent again. */
@Controller
@RequestMapping("/admin/outbox")
@Permits(Permission.ADMINISTER)
class OutboxAdminController {

    private static final int PAGE_SIZE = 50;

    private final EmailOutbox outbox;
    private final CaseManagement cases;

    OutboxAdminController(EmailOutbox outbox, CaseManagement cases) {
        this.outbox = outbox;
        this.cases = cases;
    }

    /** A mail as a row of the list, with the reference of its case. */
    record MailRow(OutboundMail mail, @Nullable String caseReference) {
    }

    @GetMapping
    String list(@RequestParam(required = false) @Nullable String status, @RequestParam(defaultValue = "0") int page,
            Model model) {
        OutboundMail.Status shown = status(status);
        var mails = outbox.list(shown, new PageRequest(Math.max(page, 0), PAGE_SIZE));
        Map<OutboundMail.Status, Long> counts = outbox.counts();
        model.addAttribute("mails", mails.map(m -> new MailRow(m,
                m.caseId() == null ? null : cases.get(m.caseId()).reference())));
        model.addAttribute("counts", counts);
        model.addAttribute("total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("status", shown);
        model.addAttribute("statuses", OutboundMail.Status.values());
        model.addAttribute("enabled", outbox.enabled());
        return "admin/outbox";
    }

    @PostMapping("/{id}/send-again")
    String sendAgain(@PathVariable UUID id, @RequestParam(required = false) @Nullable String status,
            RedirectAttributes redirect) {
        try {
            outbox.sendAgain(id);
            redirect.addFlashAttribute("notice", "The mail is back in line and goes out with the next pass.");
        } catch (Conflict e) {
            redirect.addFlashAttribute("notice", e.getMessage());
        }
        return status(status) == null ? "redirect:/admin/outbox" : "redirect:/admin/outbox?status=" + status;
    }

    private static OutboundMail.@Nullable Status status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        for (OutboundMail.Status s : OutboundMail.Status.values()) {
            if (s.name().equalsIgnoreCase(status)) {
                return s;
            }
        }
        return null;
    }
}

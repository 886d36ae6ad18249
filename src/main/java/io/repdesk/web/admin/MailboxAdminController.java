package io.repdesk.web.admin;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.channel.InboundEmail;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.PageRequest;

/** Inbound mailboxes: how each reader fares on this node, and the emails set aside (bounces, auto-replies). */
@Controller
@Permits(Permission.ADMINISTER)
class MailboxAdminController {

    static final int IGNORED_PER_PAGE = 50;

    private final InboundEmail inbound;

    MailboxAdminController(InboundEmail inbound) {
        this.inbound = inbound;
    }

    @GetMapping("/admin/mailboxes")
    String list(@RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("mailboxes", inbound.mailboxes());
        model.addAttribute("ignored", inbound.ignored(new PageRequest(Math.max(0, page), IGNORED_PER_PAGE)));
        return "admin/mailboxes";
    }
}

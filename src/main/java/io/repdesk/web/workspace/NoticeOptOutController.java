package io.repdesk.web.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

import io.repdesk.prevent.ProactiveNotices;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;

/** Where the link in a proactive notice leads: the customer confirms, and receives no more notices. */
@Controller
@Permits(Permission.ANYONE)
class NoticeOptOutController {

    private final ProactiveNotices notices;

    NoticeOptOutController(ProactiveNotices notices) {
        this.notices = notices;
    }

    @GetMapping("/notices/opt-out/{token}")
    String confirm(@PathVariable String token, Model model) {
        model.addAttribute("token", token);
        model.addAttribute("done", false);
        return "notice-opt-out";
    }

    @PostMapping("/notices/opt-out/{token}")
    String optOut(@PathVariable String token, Model model) {
        notices.optOut(token);
        model.addAttribute("token", token);
        model.addAttribute("done", true);
        return "notice-opt-out";
    }
}

package io.repdesk.web.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.SingleSignOnProviders;

/** The sign-in page and the front door. */
@Controller
@Permits(Permission.ANYONE)
class LoginController {

    private final SingleSignOnProviders providers;

    LoginController(SingleSignOnProviders providers) {
        this.providers = providers;
    }

    @GetMapping("/login")
    String login(Model model) {
        model.addAttribute("providers", providers.all());
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }
}

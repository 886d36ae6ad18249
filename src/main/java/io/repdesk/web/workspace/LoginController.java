package io.repdesk.web.workspace;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

import io.repdesk.security.Permission;
import io.repdesk.security.Permits;

/** The sign-in page and the front door. */
@Controller
@Permits(Permission.ANYONE)
class LoginController {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/inbox";
    }
}

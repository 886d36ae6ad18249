package io.repdesk.web.portal;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.PortalAccounts;

/** The portal's sign-in page: a password, or a single-use link sent by email. */
@Controller
@Permits(Permission.ANYONE)
class PortalLoginController {

    static final int MAX_EMAIL = 320;

    private final PortalAccounts accounts;

    PortalLoginController(PortalAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/portal/login")
    String login() {
        return "portal/login";
    }

    /** Always answers the same, whether or not the address is a customer's: the page tells no one who is. */
    @PostMapping("/portal/login/email")
    String requestLink(@RequestParam(required = false) @Nullable String email, Model model) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > MAX_EMAIL || !address.contains("@")) {
            model.addAttribute("linkEmail", email);
            model.addAttribute("emailError", "Enter the email address you write to us from, such as name@example.com.");
            return "portal/login";
        }
        accounts.requestLink(address, URI.create(ServletUriComponentsBuilder.fromCurrentContextPath().toUriString()));
        return "redirect:/portal/login?sent";
    }

    /** The page a sign-in link opens; its button spends the token, so mail scanners that follow links do not. */
    @GetMapping("/portal/login/link")
    String link(@RequestParam(required = false) @Nullable String token, Model model) {
        model.addAttribute("token", token == null ? "" : token);
        return "portal/link";
    }
}

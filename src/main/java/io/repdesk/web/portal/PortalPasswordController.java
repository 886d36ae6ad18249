package io.repdesk.web.portal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.security.AgentAccounts;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.PortalAccounts;
import io.repdesk.security.PortalCustomer;
import io.repdesk.shared.InvalidInput;

/** Lets a signed-in customer set a portal password, or change it, so they need no link next time. */
@Controller
@Permits(Permission.PORTAL)
class PortalPasswordController {

    private final PortalAccounts accounts;

    PortalPasswordController(PortalAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping("/portal/password")
    String page(@AuthenticationPrincipal PortalCustomer me, Model model) {
        return render(me, model, null);
    }

    @PostMapping("/portal/password")
    String change(@AuthenticationPrincipal PortalCustomer me,
            @RequestParam(required = false) @Nullable String currentPassword,
            @RequestParam(required = false) @Nullable String password,
            @RequestParam(required = false) @Nullable String confirmation, Model model, RedirectAttributes redirect) {
        String chosen = password == null ? "" : password;
        if (!chosen.equals(confirmation == null ? "" : confirmation)) {
            return render(me, model, new PortalError("confirmation", "Type the same new password twice."));
        }
        try {
            accounts.changePassword(me, currentPassword, chosen);
        } catch (InvalidInput e) {
            return render(me, model, new PortalError(e.field(), "The " + (e.field().equals("password") ? "new password"
                    : "current password") + " " + e.reason() + "."));
        }
        redirect.addFlashAttribute("notice", "Your password is set. Next time, sign in with your email address and it.");
        return "redirect:/portal/password";
    }

    private String render(PortalCustomer me, Model model, @Nullable PortalError error) {
        boolean hasPassword = accounts.hasPassword(me.customerId());
        model.addAttribute("hasPassword", hasPassword);
        model.addAttribute("askCurrent", hasPassword && me.signedInBy() == PortalCustomer.SignIn.PASSWORD);
        model.addAttribute("minLength", AgentAccounts.MIN_PASSWORD_LENGTH);
        model.addAttribute("error", error);
        return "portal/password";
    }
}

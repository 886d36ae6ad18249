package io.repdesk.web.admin;

import java.security.Principal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.security.AgentAccounts;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.Role;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;

/** Agent accounts: who may sign in, with which role, and their passwords. */
@Controller
@RequestMapping("/admin/agents")
@Permits(Permission.ADMINISTER)
class AgentAdminController {

    private final AgentAccounts accounts;

    AgentAdminController(AgentAccounts accounts) {
        this.accounts = accounts;
    }

    /** What the create form held when it was refused. */
    record NewAgentForm(String username, String displayName, String role) {

        static NewAgentForm blank() {
            return new NewAgentForm("", "", Role.TIER_1_AGENT.name());
        }
    }

    @GetMapping
    String list(Model model) {
        return page(model, NewAgentForm.blank(), Map.of(), null);
    }

    @PostMapping
    ModelAndView create(@RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String role,
            @RequestParam(defaultValue = "") String password, Model model, RedirectAttributes redirect) {
        NewAgentForm form = new NewAgentForm(username.strip(), displayName.strip(), role);
        try {
            accounts.create(form.username(), form.displayName(), role(role), password);
            redirect.addFlashAttribute("notice", "Created the account " + form.username() + ".");
            return new ModelAndView("redirect:/admin/agents");
        } catch (InvalidInput e) {
            return refused(model, form, Map.of(e.field(), e.reason()), null);
        } catch (Conflict e) {
            return refused(model, form, Map.of("username", "is taken: " + e.getMessage()), null);
        }
    }

    @PostMapping("/{username}")
    ModelAndView change(@PathVariable String username, @RequestParam(defaultValue = "") String displayName,
            @RequestParam(defaultValue = "") String role, @RequestParam(required = false) @Nullable String enabled,
            Principal me, Model model, RedirectAttributes redirect) {
        try {
            accounts.change(username, displayName, role(role), enabled != null, me.getName());
            redirect.addFlashAttribute("notice", "Saved " + username + ".");
            return new ModelAndView("redirect:/admin/agents");
        } catch (InvalidInput e) {
            return refused(model, NewAgentForm.blank(), Map.of(e.field(), e.reason()), username);
        }
    }

    @PostMapping("/{username}/password")
    ModelAndView setPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
            Principal me, Model model, RedirectAttributes redirect) {
        try {
            accounts.setPassword(username, password, me.getName());
            redirect.addFlashAttribute("notice", "Set a new password for " + username + ".");
            return new ModelAndView("redirect:/admin/agents");
        } catch (InvalidInput e) {
            return refused(model, NewAgentForm.blank(), Map.of(e.field(), e.reason()), username);
        }
    }

    private ModelAndView refused(Model model, NewAgentForm form, Map<String, String> errors, @Nullable String row) {
        ModelAndView view = new ModelAndView(page(model, form, errors, row), model.asMap());
        view.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return view;
    }

    private String page(Model model, NewAgentForm form, Map<String, String> errors, @Nullable String row) {
        model.addAttribute("agents", accounts.all());
        model.addAttribute("locked", accounts.lockedOut());
        model.addAttribute("roles", List.of(Role.values()));
        model.addAttribute("form", form);
        model.addAttribute("errors", new LinkedHashMap<>(errors));
        model.addAttribute("errorRow", row);
        model.addAttribute("minLength", AgentAccounts.MIN_PASSWORD_LENGTH);
        return "admin/agents";
    }

    private static Role role(String value) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(value)).findFirst()
                .orElseThrow(() -> new InvalidInput("role", "must be one of the listed roles"));
    }
}

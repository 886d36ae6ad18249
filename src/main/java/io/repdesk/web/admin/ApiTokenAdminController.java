package io.repdesk.web.admin;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.security.ApiScope;
import io.repdesk.security.ApiToken;
import io.repdesk.security.ApiTokenManagement;
import io.repdesk.security.IssuedToken;
import io.repdesk.security.NewApiToken;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;

/** API tokens: the list with scopes and last use, a form to issue one (shown once), and revoking. */
@Controller
@RequestMapping("/admin/api-tokens")
@Permits(Permission.ADMINISTER)
class ApiTokenAdminController {

    private final ApiTokenManagement tokens;
    private final Clock clock;

    ApiTokenAdminController(ApiTokenManagement tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** A token as a row of the list. */
    record TokenRow(String id, String name, String hint, String scopes, String createdBy, ApiToken token,
            String state, boolean live) {

        static TokenRow of(ApiToken t, Clock clock) {
            String state = t.isRevoked() ? "revoked" : t.isExpiredAt(clock.instant()) ? "expired" : "live";
            return new TokenRow(t.id().toString(), t.name(), t.hint(), String.join(" ",
                    t.scopes().stream().map(ApiScope::value).toList()), t.createdBy(), t, state,
                    t.isLiveAt(clock.instant()));
        }
    }

    @GetMapping
    String list(Model model) {
        return page(model, TokenForm.blank(), Map.of());
    }

    @PostMapping
    ModelAndView issue(@RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect) {
        TokenForm form = TokenForm.from(params);
        FieldErrors errors = new FieldErrors();
        NewApiToken request = form.toRequest(LocalDate.now(clock.withZone(ZoneOffset.UTC)), errors);
        if (request != null) {
            try {
                IssuedToken issued = tokens.issue(request);
                redirect.addFlashAttribute("issued", issued.value());
                redirect.addFlashAttribute("notice", "Issued the token “" + issued.token().name() + "”.");
                return new ModelAndView("redirect:/admin/api-tokens");
            } catch (InvalidInput e) {
                TokenForm.reject(errors, e);
            }
        }
        ModelAndView refused = new ModelAndView(page(model, form, errors.asMap()), model.asMap());
        refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused;
    }

    @PostMapping("/{id}/revoke")
    String revoke(@PathVariable UUID id, RedirectAttributes redirect) {
        ApiToken revoked = tokens.revoke(id);
        redirect.addFlashAttribute("notice", "Revoked the token “" + revoked.name() + "”: it no longer opens the API.");
        return "redirect:/admin/api-tokens";
    }

    private String page(Model model, TokenForm form, Map<String, String> errors) {
        model.addAttribute("tokens", tokens.all().stream().map(t -> TokenRow.of(t, clock)).toList());
        model.addAttribute("scopes", ApiScope.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return "admin/api-tokens";
    }
}

package io.repdesk.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.Tier;
import io.repdesk.casework.TierLevel;
import io.repdesk.casework.TierManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;

/** The support levels: their names, what each is for, and which are in use. */
@Controller
@RequestMapping("/admin/tiers")
@Permits(Permission.CONFIGURE_SUPPORT)
class TierAdminController {

    private final TierManagement tiers;

    TierAdminController(TierManagement tiers) {
        this.tiers = tiers;
    }

    @GetMapping
    String show(Model model) {
        model.addAttribute("levels", tiers.levels());
        model.addAttribute("errors", Map.of());
        return "admin/tiers";
    }

    @PostMapping
    ModelAndView save(@RequestParam MultiValueMap<String, String> form, RedirectAttributes redirect) {
        List<TierLevel> submitted = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            submitted.add(new TierLevel(tier, value(form, "name-" + tier), value(form, "description-" + tier),
                    tier == Tier.TIER_1 || form.containsKey("inUse-" + tier)));
        }
        try {
            tiers.define(submitted);
            redirect.addFlashAttribute("notice", "Saved the support levels.");
            return new ModelAndView("redirect:/admin/tiers");
        } catch (InvalidInput e) {
            Map<String, String> errors = new LinkedHashMap<>();
            errors.put(e.field(), e.reason());
            ModelAndView refused = new ModelAndView("admin/tiers", Map.of("levels", submitted, "errors", errors));
            refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
            return refused;
        }
    }

    private static String value(MultiValueMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v;
    }
}

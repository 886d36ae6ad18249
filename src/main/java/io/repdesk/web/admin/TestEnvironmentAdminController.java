package io.repdesk.web.admin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.prevent.TestEnvironmentManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;

/** The environments engineering tests on, which a need's evidence compares affected customers with. */
@Controller
@RequestMapping("/admin/test-environments")
@Permits(Permission.CONFIGURE_SUPPORT)
class TestEnvironmentAdminController {

    private final TestEnvironmentManagement environments;

    TestEnvironmentAdminController(TestEnvironmentManagement environments) {
        this.environments = environments;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("environments", environments.all());
        return "admin/test-environments";
    }

    @PostMapping
    String create(@RequestParam(required = false) String name, @RequestParam(required = false) String product,
            @RequestParam(required = false) String platform, @RequestParam(required = false) String version,
            @RequestParam(required = false) String plan, @RequestParam(required = false) String region,
            @RequestParam(required = false) String attributes, RedirectAttributes redirect) {
        try {
            environments.define(name, product, platform, version, plan, region, pairs(attributes));
            redirect.addFlashAttribute("notice", "Test environment saved.");
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorField", e.field());
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admin/test-environments";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable UUID id, RedirectAttributes redirect) {
        environments.remove(id);
        redirect.addFlashAttribute("notice", "Test environment removed.");
        return "redirect:/admin/test-environments";
    }

    /** {@code device=Pixel 8, locale=de} → a map; a part without '=' is refused naming {@code attributes}. */
    private static Map<String, String> pairs(String text) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return pairs;
        }
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq < 0) {
                throw new InvalidInput("attributes", "must be name=value pairs separated by commas");
            }
            pairs.put(part.substring(0, eq), part.substring(eq + 1));
        }
        return pairs;
    }
}

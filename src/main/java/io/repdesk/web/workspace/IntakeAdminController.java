package io.repdesk.web.workspace;

import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.contact.Channel;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.intake.QuestionType;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.IntakeFlowId;
import io.repdesk.shared.InvalidInput;

/** The admin pages of intake flows: the list, and a form that creates a flow or saves its next version. */
@Controller
@Permits(Permission.CONFIGURE_SUPPORT)
class IntakeAdminController {

    private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)]\\.(\\w+).*");
    private static final Map<String, String> LABELS = Map.of("key", "key", "prompt", "prompt", "type", "type",
            "rationale", "why we ask", "choices", "choices", "showIf", "show only if");

    private final IntakeManagement intake;

    IntakeAdminController(IntakeManagement intake) {
        this.intake = intake;
    }

    @GetMapping("/admin/intake")
    String list(Model model) {
        model.addAttribute("flows", intake.flows());
        return "intake-flows";
    }

    @GetMapping("/admin/intake/new")
    String newFlow(Model model) {
        return form(model, IntakeFlowForm.blank(), null, null, null);
    }

    @PostMapping("/admin/intake/new")
    String create(@ModelAttribute("form") IntakeFlowForm form, @RequestParam(defaultValue = "save") String action,
            Model model, RedirectAttributes redirect) {
        if (!action.equals("save")) {
            return form(model, form.edit(action), null, null, null);
        }
        try {
            IntakeFlow created = intake.create(form.draft());
            redirect.addFlashAttribute("notice", "Created “" + created.name() + "”, version 1.");
            return "redirect:/admin/intake/" + created.id();
        } catch (InvalidInput e) {
            return form(model, form, null, null, new FormError(e.field(), e.reason()));
        } catch (Conflict e) {
            return form(model, form, null, null, new FormError("form", e.getMessage()));
        }
    }

    /** A flow's current version, or an earlier one to start the next version from. */
    @GetMapping("/admin/intake/{id}")
    String edit(@PathVariable UUID id, @RequestParam(required = false) @Nullable Integer version, Model model) {
        IntakeFlow current = intake.flow(new IntakeFlowId(id));
        IntakeFlow shown = version == null ? current : intake.flow(current.id(), version);
        return form(model, IntakeFlowForm.of(shown, current.version()), current, shown.version(), null);
    }

    @PostMapping("/admin/intake/{id}")
    String revise(@PathVariable UUID id, @ModelAttribute("form") IntakeFlowForm form,
            @RequestParam(defaultValue = "save") String action, Model model, RedirectAttributes redirect) {
        IntakeFlow current = intake.flow(new IntakeFlowId(id));
        if (!action.equals("save")) {
            return form(model, form.edit(action), current, null, null);
        }
        try {
            IntakeFlow saved = intake.revise(current.id(), form.draft(), form.baseVersion());
            redirect.addFlashAttribute("notice", saved.version() == current.version()
                    ? "Nothing changed; still version " + saved.version() + "."
                    : "Saved version " + saved.version() + ".");
            return "redirect:/admin/intake/" + saved.id();
        } catch (InvalidInput e) {
            return form(model, form, current, null, new FormError(e.field(), e.reason()));
        } catch (Conflict e) {
            return form(model, form, current, null, new FormError("form", e.getMessage()));
        }
    }

    private String form(Model model, IntakeFlowForm form, @Nullable IntakeFlow current, @Nullable Integer shownVersion,
            @Nullable FormError error) {
        model.addAttribute("form", form);
        model.addAttribute("questions", form.questionList());
        model.addAttribute("current", current);
        model.addAttribute("shownVersion", shownVersion);
        model.addAttribute("history", current == null ? java.util.List.of() : intake.history(current.id()));
        model.addAttribute("types", QuestionType.values());
        model.addAttribute("channels", Channel.values());
        model.addAttribute("error", error);
        model.addAttribute("errorSummary", error == null ? null : where(error.field()) + error.message());
        return "intake-flow";
    }

    /** "Question 2, show only if: " for {@code questions[1].showIf[0].question}. */
    private static String where(String field) {
        Matcher m = QUESTION_FIELD.matcher(field);
        if (m.matches()) {
            return "Question " + (Integer.parseInt(m.group(1)) + 1) + ", "
                    + LABELS.getOrDefault(m.group(2), m.group(2)) + ": ";
        }
        return switch (field) {
            case "form" -> "";
            case "questions" -> "Questions: ";
            default -> field.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + field.substring(1) + ": ";
        };
    }
}

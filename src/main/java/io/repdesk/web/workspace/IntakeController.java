package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.SupportCase;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.intake.AnswersRequest;
import io.repdesk.intake.CaseIntake;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.need.NeedManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.IntakeFlowId;
import io.repdesk.shared.InvalidInput;

/**
 * The intake section of the case page, loaded and replaced by htmx: the flow the case follows, its answers
 * with why each is asked, what is missing, and the request for it.
 */
@Controller
@Permits(Permission.WORK_CASES)
class IntakeController {

    /** Answer inputs are named {@code answers.<question key>}. */
    static final String ANSWER = "answers.";

    private final IntakeManagement intake;
    private final CaseManagement cases;
    private final NeedManagement needs;
    private final CustomerManagement customers;

    IntakeController(IntakeManagement intake, CaseManagement cases, NeedManagement needs,
            CustomerManagement customers) {
        this.intake = intake;
        this.cases = cases;
        this.needs = needs;
        this.customers = customers;
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/cases/{reference}/intake")
    String section(@PathVariable String reference, Model model) {
        return render(cases.byReference(reference), model, null, Map.of());
    }

    @PostMapping("/cases/{reference}/intake/flow")
    String attach(@PathVariable String reference, @RequestParam(required = false) @Nullable String flowId,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        SupportCase supportCase = cases.byReference(reference);
        if (htmx == null) {
            return "redirect:/cases/" + reference;
        }
        try {
            if (flowId == null || flowId.isBlank()) {
                throw new InvalidInput("flowId", "Choose an intake flow for this case.");
            }
            intake.attach(supportCase.id(), IntakeFlowId.of(flowId));
            model.addAttribute("notice", "Intake flow attached.");
        } catch (InvalidInput e) {
            return render(supportCase, model, new FormError("flowId", e.reason()), Map.of());
        } catch (Conflict e) {
            return render(supportCase, model, new FormError("flowId", e.getMessage()), Map.of());
        }
        return render(supportCase, model, null, Map.of());
    }

    @PostMapping("/cases/{reference}/intake/answers")
    String answer(@PathVariable String reference, @RequestParam Map<String, String> params,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        SupportCase supportCase = cases.byReference(reference);
        if (htmx == null) {
            return "redirect:/cases/" + reference;
        }
        Map<String, @Nullable String> given = new LinkedHashMap<>();
        params.forEach((name, value) -> {
            if (name.startsWith(ANSWER)) {
                given.put(name.substring(ANSWER.length()), value);
            }
        });
        try {
            CaseIntake before = intake.of(supportCase.id());
            CaseIntake after = intake.answer(supportCase.id(), given);
            model.addAttribute("notice", after.values().equals(before.values()) ? "No answer changed."
                    : "Answers saved.");
        } catch (InvalidInput e) {
            return render(supportCase, model, new FormError(e.field(), e.reason()), given);
        } catch (Conflict e) {
            return render(supportCase, model, new FormError("answers", e.getMessage()), given);
        }
        return render(supportCase, model, null, Map.of());
    }

    @PostMapping("/cases/{reference}/intake/request")
    String requestMissing(@PathVariable String reference,
            @RequestHeader(value = "HX-Request", required = false) @Nullable String htmx, Model model) {
        SupportCase supportCase = cases.byReference(reference);
        if (htmx == null) {
            return "redirect:/cases/" + reference;
        }
        try {
            AnswersRequest request = intake.requestMissing(supportCase.id());
            model.addAttribute("requestText", request.text());
        } catch (InvalidInput | Conflict e) {
            return render(supportCase, model, new FormError("request", e.getMessage()), Map.of());
        }
        return render(supportCase, model, null, Map.of());
    }

    private String render(SupportCase supportCase, Model model, @Nullable FormError error,
            Map<String, @Nullable String> submitted) {
        CaseIntake caseIntake = intake.of(supportCase.id());
        Map<String, String> values = new LinkedHashMap<>(caseIntake.values());
        submitted.forEach((key, value) -> values.put(key, value == null ? "" : value));
        Optional<IntakeFlow> suggested = intake.select(categories(supportCase), supportCase.channel());
        model.addAttribute("case", supportCase);
        model.addAttribute("intake", caseIntake);
        model.addAttribute("values", values);
        model.addAttribute("flows", intake.flows());
        model.addAttribute("suggested", suggested.orElse(null));
        model.addAttribute("closed", supportCase.status() == CaseStatus.CLOSED);
        model.addAttribute("error", error);
        return "case-intake :: section";
    }

    /** Where a case's flow is looked for: its need's key, then the customer's product. */
    private List<String> categories(SupportCase supportCase) {
        List<String> categories = new ArrayList<>();
        if (supportCase.needId() != null) {
            categories.add(needs.get(supportCase.needId()).key());
        }
        String product = customers.get(supportCase.customerId()).environment().product();
        if (product != null && !product.isBlank()) {
            categories.add(product);
        }
        return categories;
    }
}

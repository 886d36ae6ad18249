package io.repdesk.web.workspace;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.insight.GoodwillLedger;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;

/** Records a goodwill gesture (credit or waiver) on the customer page; a refusal is shown beside its field. */
@Controller
@Permits(Permission.EDIT_CUSTOMERS)
class GoodwillController {

    private final GoodwillLedger goodwill;

    GoodwillController(GoodwillLedger goodwill) {
        this.goodwill = goodwill;
    }

    @PostMapping("/customers/{id}/goodwill")
    String give(@PathVariable UUID id, @RequestParam(required = false) @Nullable String kind,
            @RequestParam(required = false) @Nullable String amount,
            @RequestParam(required = false) @Nullable String reason, RedirectAttributes redirect) {
        try {
            goodwill.give(new CustomerId(id), kind, amount, reason);
            redirect.addFlashAttribute("goodwillGiven", true);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("goodwillErrors", Map.of(e.field(), Character.toUpperCase(e.field().charAt(0))
                    + e.field().substring(1) + " " + e.reason()));
            redirect.addFlashAttribute("goodwillForm", Map.of("kind", kind == null ? "" : kind, "amount",
                    amount == null ? "" : amount, "reason", reason == null ? "" : reason));
        }
        return "redirect:/customers/" + id + "#goodwill";
    }
}

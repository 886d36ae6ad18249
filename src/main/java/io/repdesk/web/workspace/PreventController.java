package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.prevent.FixVerification;
import io.repdesk.prevent.Handoff;
import io.repdesk.prevent.LifecycleAdvice;
import io.repdesk.prevent.Recommendation;
import io.repdesk.prevent.PreventManagement;
import io.repdesk.prevent.UpgradeWarnings;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.Conflict;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;

/** The Prevent board, and handing needs to engineering: owner, issue link, fix versions, releases, verification. */
@Controller
@Permits(Permission.SHAPE_NEEDS)
class PreventController {

    private final PreventManagement prevent;
    private final FixVerification verification;
    private final NeedManagement needs;
    private final LifecycleAdvice advice;
    private final UpgradeWarnings upgradeWarnings;

    PreventController(PreventManagement prevent, FixVerification verification, NeedManagement needs,
            LifecycleAdvice advice, UpgradeWarnings upgradeWarnings) {
        this.upgradeWarnings = upgradeWarnings;
        this.advice = advice;
        this.prevent = prevent;
        this.verification = verification;
        this.needs = needs;
    }

    /** A hand-off with its need, as a row of the board. */
    record BoardRow(ServiceNeed need, Handoff handoff) {
    }

    @Permits(Permission.VIEW_WORK)
    @GetMapping("/prevent")
    String board(Model model) {
        List<Handoff> handoffs = prevent.board();
        Map<NeedId, ServiceNeed> byId = needs.getAll(handoffs.stream().map(Handoff::needId).toList());
        model.addAttribute("rows", handoffs.stream().filter(h -> byId.containsKey(h.needId()))
                .map(h -> new BoardRow(byId.get(h.needId()), h)).toList());
        model.addAttribute("counts", handoffs.stream().collect(Collectors.groupingBy(h -> h.verification().name(),
                Collectors.counting())));
        model.addAttribute("recommendations", advice.open());
        model.addAttribute("upgradeWarnings", upgradeWarnings.current());
        return "prevent";
    }

    /** A manager accepts a recommendation: the need takes the proposed class and stage, or gets its article. */
    @PostMapping("/prevent/recommendations/accept")
    String accept(@RequestParam UUID needId, @RequestParam String kind, RedirectAttributes redirect) {
        Recommendation r = advice.accept(new NeedId(needId), LifecycleAdvice.kind(kind));
        redirect.addFlashAttribute("notice", "Accepted for “" + r.needTitle() + "”.");
        return r.kind() == Recommendation.Kind.CREATE_KNOWLEDGE ? "redirect:/articles/new?need=" + needId
                : "redirect:/prevent";
    }

    @PostMapping("/prevent/recommendations/dismiss")
    String dismiss(@RequestParam UUID needId, @RequestParam String kind, RedirectAttributes redirect) {
        advice.dismiss(new NeedId(needId), LifecycleAdvice.kind(kind));
        redirect.addFlashAttribute("notice", "Dismissed; it will not be proposed again.");
        return "redirect:/prevent";
    }

    @PostMapping("/needs/{id}/handoff")
    String handOff(@PathVariable UUID id, @RequestParam(required = false) String owner,
            @RequestParam(required = false) String issueUrl, RedirectAttributes redirect) {
        return attempt(id, redirect, need -> "Handed to " + prevent.handOff(need, owner, issueUrl).owner() + ".");
    }

    @PostMapping("/needs/{id}/fixes")
    String expectFix(@PathVariable UUID id, @RequestParam(required = false) String product,
            @RequestParam(required = false) String platform, @RequestParam(required = false) String version,
            RedirectAttributes redirect) {
        return attempt(id, redirect, need -> "Fix version " + prevent.expectFix(need, product, platform, version)
                .label() + " recorded.");
    }

    @PostMapping("/needs/{id}/fixes/{fixId}/release")
    String release(@PathVariable UUID id, @PathVariable UUID fixId, RedirectAttributes redirect) {
        return attempt(id, redirect, need -> {
            prevent.releaseFix(need, fixId, null);
            return "Release recorded; repdesk now watches customers on the fixed version.";
        });
    }

    @PostMapping("/needs/{id}/verify")
    String verify(@PathVariable UUID id, RedirectAttributes redirect) {
        return attempt(id, redirect, need -> "Verified: " + verification.check(need).name().toLowerCase(
                java.util.Locale.ROOT).replace('_', ' ') + ".");
    }

    private String attempt(UUID id, RedirectAttributes redirect, Function<NeedId, String> action) {
        try {
            redirect.addFlashAttribute("notice", action.apply(new NeedId(id)));
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("error", e.getMessage());
            redirect.addFlashAttribute("errorField", e.field());
        } catch (Conflict e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/needs/" + id + "/evidence";
    }
}

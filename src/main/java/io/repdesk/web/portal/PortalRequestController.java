package io.repdesk.web.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.CaseManagement;
import io.repdesk.channel.PortalRequest;
import io.repdesk.channel.PortalRequests;
import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.AttachmentTooLarge;
import io.repdesk.contact.NewAttachment;
import io.repdesk.contact.Recorded;
import io.repdesk.intake.IntakeFlow;
import io.repdesk.knowledge.SelfService;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.intake.Question;
import io.repdesk.intake.QuestionType;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.PortalCustomer;
import io.repdesk.shared.InvalidInput;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Filing a request: choose a category, then describe the problem and answer the category's intake questions,
 * which branch on the answers as they are given.
 */
@Controller
@Permits(Permission.PORTAL)
class PortalRequestController {

    /** The choice for a request that fits no category: it is filed without intake questions. */
    static final String OTHER = "other";
    static final String CHANNEL = "PORTAL";

    private final IntakeManagement intake;
    private final PortalRequests requests;
    private final CaseManagement cases;
    private final Uploads uploads;
    private final AttachmentStore store;
    private final SelfService selfService;

    PortalRequestController(IntakeManagement intake, PortalRequests requests, CaseManagement cases, Uploads uploads,
            AttachmentStore store, SelfService selfService) {
        this.selfService = selfService;
        this.intake = intake;
        this.requests = requests;
        this.cases = cases;
        this.uploads = uploads;
        this.store = store;
    }

    @GetMapping("/portal/requests/new")
    String start(@RequestParam(required = false) @Nullable String category, Model model) {
        if (category == null || category.isBlank()) {
            model.addAttribute("categories", categories());
            return "portal/choose-category";
        }
        Optional<IntakeFlow> flow = flowOf(category);
        if (flow.isEmpty() && !OTHER.equals(category)) {
            model.addAttribute("categories", categories());
            model.addAttribute("categoryError", "There is no category " + category + " any more; choose one of these.");
            return "portal/choose-category";
        }
        RequestForm empty = new RequestForm(category, "", "", Map.of(), UUID.randomUUID().toString());
        return form(empty, flow.orElse(null), Map.of(), model);
    }

    /** Re-renders the questions for the answers so far: htmx calls it as answers change. */
    @PostMapping("/portal/requests/new/questions")
    String questions(@RequestParam Map<String, String> params, Model model) {
        RequestForm form = RequestForm.of(params);
        questionsModel(form, flowOf(form.category()).orElse(null), Map.of(), model);
        return "portal/new-request :: questions";
    }

    @PostMapping("/portal/requests")
    String file(@AuthenticationPrincipal PortalCustomer me, @RequestParam Map<String, String> params,
            HttpServletRequest request, Model model, RedirectAttributes redirect) {
        RequestForm form = RequestForm.of(params);
        @Nullable MultipartHttpServletRequest multipart = request instanceof MultipartHttpServletRequest m ? m : null;
        IntakeFlow flow = flowOf(form.category()).orElse(null);
        Map<String, MultipartFile> questionFiles = questionFiles(flow, form, multipart);
        Map<String, String> errors = form.errors(flow, List.copyOf(questionFiles.keySet()));
        if (!errors.isEmpty()) {
            return form(form, flow, errors, model);
        }
        try {
            List<NewAttachment> files = new ArrayList<>(uploads.store(multipart == null ? null : multipart.getFiles("attachments")));
            Map<String, String> answers = new LinkedHashMap<>(form.applicableAnswers(flow));
            for (Map.Entry<String, MultipartFile> chosen : questionFiles.entrySet()) {
                NewAttachment stored = uploads.store(List.of(chosen.getValue())).getFirst();
                files.add(stored);
                answers.put(chosen.getKey(), stored.filename());
            }
            Recorded recorded = requests.file(new PortalRequest(me.customerId(), me.email(), form.subject(),
                    form.description(), flow == null ? null : flow.id(), answers, files, form.token()));
            String reference = cases.get(recorded.contact().caseId()).reference();
            selfService.requestFiled(SelfServiceSessionId.existing(request.getSession()), me.customerId());
            redirect.addFlashAttribute("notice", "Your request " + reference + " was filed. We will answer here "
                    + "and by email.");
            return "redirect:/portal/cases/" + reference;
        } catch (AttachmentTooLarge e) {
            return form(form, flow, Map.of("attachments", e.filename() + " is larger than "
                    + store.maxBytes() / (1024 * 1024) + " MiB, the most we accept; choose a smaller file."), model);
        } catch (InvalidInput e) {
            return form(form, flow, Map.of(e.field(), "This " + e.reason() + "."), model);
        }
    }

    /** The files chosen for the FILE questions that apply, by question key. */
    private static Map<String, MultipartFile> questionFiles(@Nullable IntakeFlow flow, RequestForm form,
            @Nullable MultipartHttpServletRequest multipart) {
        Map<String, MultipartFile> chosen = new LinkedHashMap<>();
        if (flow != null && multipart != null) {
            for (Question q : flow.applicable(form.answers())) {
                MultipartFile file = multipart.getFile(RequestForm.FILE + q.key());
                if (q.type() == QuestionType.FILE && file != null && file.getOriginalFilename() != null
                        && !file.getOriginalFilename().isBlank()) {
                    chosen.put(q.key(), file);
                }
            }
        }
        return chosen;
    }

    private String form(RequestForm form, @Nullable IntakeFlow flow, Map<String, String> errors, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("flow", flow);
        model.addAttribute("maxFileBytes", store.maxBytes());
        questionsModel(form, flow, errors, model);
        return "portal/new-request";
    }

    private static void questionsModel(RequestForm form, @Nullable IntakeFlow flow, Map<String, String> errors,
            Model model) {
        model.addAttribute("category", form.category());
        model.addAttribute("questions", flow == null ? List.of() : flow.applicable(form.answers()));
        model.addAttribute("values", form.answers());
        model.addAttribute("errors", errors);
    }

    /** The categories customers choose from: those of the flows for the portal or for every channel. */
    private List<String> categories() {
        TreeSet<String> categories = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        intake.flows().stream().filter(f -> f.channel() == null || CHANNEL.equalsIgnoreCase(f.channel()))
                .forEach(f -> categories.add(f.category()));
        return List.copyOf(categories);
    }

    private Optional<IntakeFlow> flowOf(String category) {
        if (category.isBlank() || OTHER.equals(category.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        return intake.select(List.of(category), CHANNEL);
    }
}

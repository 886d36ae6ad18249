package io.repdesk.web.portal;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.channel.PortalRequests;
import io.repdesk.contact.Attachment;
import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.AttachmentTooLarge;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Recorded;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.insight.Survey;
import io.repdesk.insight.Surveys;
import io.repdesk.intake.IntakeManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.PortalCustomer;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;

/** The organization's requests, one request's thread, the customer's replies and the files on a request. */
@Controller
@Permits(Permission.PORTAL)
class PortalCaseController {

    static final int PAGE_SIZE = 20;

    private final PortalAccess access;
    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final CustomerManagement customers;
    private final IntakeManagement intake;
    private final PortalRequests requests;
    private final Uploads uploads;
    private final AttachmentStore store;
    private final Surveys surveys;

    PortalCaseController(PortalAccess access, CaseManagement cases, ContactManagement contacts,
            CustomerManagement customers, IntakeManagement intake, PortalRequests requests, Uploads uploads,
            AttachmentStore store, Surveys surveys) {
        this.surveys = surveys;
        this.access = access;
        this.cases = cases;
        this.contacts = contacts;
        this.customers = customers;
        this.intake = intake;
        this.requests = requests;
        this.uploads = uploads;
        this.store = store;
    }

    @GetMapping("/portal")
    String list(@AuthenticationPrincipal PortalCustomer me, @RequestParam(defaultValue = "0") int page, Model model) {
        Page<SupportCase> shown = cases.ofCustomers(access.visibleCustomers(me),
                new PageRequest(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("cases", shown);
        model.addAttribute("filers", customers.getAll(shown.items().stream().map(SupportCase::customerId).toList()));
        return "portal/cases";
    }

    @GetMapping("/portal/cases/{reference}")
    String show(@AuthenticationPrincipal PortalCustomer me, @PathVariable String reference, Model model) {
        SupportCase supportCase = access.visibleCase(me, reference);
        if (supportCase.mergedInto() != null) {
            // The conversation goes on in the case this one was merged into.
            return "redirect:/portal/cases/" + access.visibleCase(me, cases.get(supportCase.mergedInto()).reference())
                    .reference();
        }
        return render(supportCase, model, null, "");
    }

    @PostMapping("/portal/cases/{reference}/reply")
    String reply(@AuthenticationPrincipal PortalCustomer me, @PathVariable String reference,
            @RequestParam(required = false) @Nullable String body, @RequestParam(required = false) @Nullable String token,
            @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files, Model model,
            RedirectAttributes redirect) {
        SupportCase supportCase = access.visibleCase(me, reference);
        String text = body == null ? "" : body;
        try {
            Recorded recorded = requests.reply(supportCase.id(), me.email(), text, uploads.store(files),
                    token == null ? "" : token);
            SupportCase landed = cases.get(recorded.contact().caseId());
            redirect.addFlashAttribute("notice", landed.id().equals(supportCase.id()) ? "Your reply was sent."
                    : "That request was closed, so your reply opened a new request, " + landed.reference() + ".");
            return "redirect:/portal/cases/" + landed.reference();
        } catch (AttachmentTooLarge e) {
            return render(supportCase, model, new PortalError("attachments", e.getMessage()), text);
        } catch (InvalidInput e) {
            return render(supportCase, model, new PortalError(e.field(), e.reason()), text);
        }
    }

    @GetMapping("/portal/cases/{reference}/files/{contactId}/{position}")
    ResponseEntity<InputStreamResource> download(@AuthenticationPrincipal PortalCustomer me,
            @PathVariable String reference, @PathVariable String contactId, @PathVariable int position) {
        SupportCase supportCase = access.visibleCase(me, reference);
        Attachment file = shownFiles(supportCase).stream()
                .filter(a -> a.contactId().value().toString().equals(contactId) && a.position() == position)
                .findFirst().orElseThrow(() -> new NotFound("attachment", "position", position));
        InputStream in = store.open(file.sha256());
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename(file.filename(), java.nio.charset.StandardCharsets.UTF_8).build().toString())
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.size())
                .body(new InputStreamResource(in));
    }

    @PostMapping("/portal/cases/{reference}/survey")
    String survey(@AuthenticationPrincipal PortalCustomer me, @PathVariable String reference,
            @RequestParam(required = false) @Nullable String score, @RequestParam(required = false) @Nullable String comment,
            Model model, RedirectAttributes redirect) {
        SupportCase supportCase = access.visibleCase(me, reference);
        try {
            boolean before = surveys.ofCase(supportCase).map(Survey::answered).orElse(false);
            surveys.answer(supportCase, score, comment);
            redirect.addFlashAttribute("notice", before ? "This request's survey was already answered."
                    : "Thank you: your answer was recorded.");
            return "redirect:/portal/cases/" + supportCase.reference();
        } catch (InvalidInput e) {
            model.addAttribute("surveyError", e);
            model.addAttribute("surveyChosen", score == null ? "" : score);
            model.addAttribute("surveyComment", comment == null ? "" : comment);
            return render(supportCase, model, null, "");
        }
    }

    private String render(SupportCase supportCase, Model model, @Nullable PortalError error, String replyBody) {
        Customer filer = customers.get(supportCase.customerId());
        Map<ContactId, List<Attachment>> files = shownFiles(supportCase).stream()
                .collect(Collectors.groupingBy(Attachment::contactId));
        model.addAttribute("case", supportCase);
        model.addAttribute("filer", filer);
        model.addAttribute("thread", contacts.forCase(supportCase.id()));
        model.addAttribute("files", files);
        model.addAttribute("intake", intake.of(supportCase.id()));
        model.addAttribute("error", error);
        model.addAttribute("replyBody", replyBody);
        model.addAttribute("replyToken", UUID.randomUUID().toString());
        model.addAttribute("maxFileBytes", store.maxBytes());
        model.addAttribute("survey", surveys.ofCase(supportCase).orElse(null));
        model.addAttribute("surveyLabels", Survey.LABELS);
        model.addAttribute("surveyMaxComment", Survey.MAX_COMMENT);
        if (!model.containsAttribute("surveyChosen")) {
            model.addAttribute("surveyChosen", "");
            model.addAttribute("surveyComment", "");
        }
        return "portal/case";
    }

    /** The files customers may download: not an email's original source, which may carry other recipients. */
    private List<Attachment> shownFiles(SupportCase supportCase) {
        return contacts.attachmentsOfCase(supportCase.id()).stream().filter(a -> !a.original()).toList();
    }
}

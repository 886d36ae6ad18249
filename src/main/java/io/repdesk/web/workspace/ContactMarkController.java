package io.repdesk.web.workspace;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.contact.ContactManagement;
import io.repdesk.insight.ListeningPost;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.InvalidInput;

/** Marks a contact on the customer's timeline as feedback or a suggestion, for the listening post. */
@Controller
@Permits(Permission.WORK_CASES)
class ContactMarkController {

    private final ListeningPost listening;
    private final ContactManagement contacts;

    ContactMarkController(ListeningPost listening, ContactManagement contacts) {
        this.listening = listening;
        this.contacts = contacts;
    }

    @PostMapping("/contacts/{id}/mark")
    String mark(@PathVariable UUID id, @RequestParam(required = false) @Nullable String kind,
            RedirectAttributes redirect) {
        ContactId contact = new ContactId(id);
        UUID customer = contacts.get(contact).customerId().value();
        try {
            listening.mark(contact, kind);
            redirect.addFlashAttribute("marked", id);
        } catch (InvalidInput e) {
            redirect.addFlashAttribute("markError", "Kind " + e.reason());
        }
        return "redirect:/customers/" + customer;
    }
}

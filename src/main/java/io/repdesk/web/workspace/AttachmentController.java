package io.repdesk.web.workspace;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.SupportCase;
import io.repdesk.contact.Attachment;
import io.repdesk.contact.AttachmentStore;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.NotFound;

/**
 * Serves the files of a case's contacts to signed-in agents. A file is found only through the case it belongs
 * to, so a guessed address of another case's file is a 404. Only plain images are shown inline; everything
 * else is a download, never sniffed into something the browser would run.
 */
@Controller
@Permits(Permission.VIEW_WORK)
class AttachmentController {

    private static final Set<String> INLINE_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "image/webp");

    private final CaseManagement cases;
    private final ContactManagement contacts;
    private final AttachmentStore store;

    AttachmentController(CaseManagement cases, ContactManagement contacts, AttachmentStore store) {
        this.cases = cases;
        this.contacts = contacts;
        this.store = store;
    }

    @GetMapping("/cases/{reference}/attachments/{contactId}/{position}")
    ResponseEntity<InputStreamResource> download(@PathVariable String reference, @PathVariable String contactId,
            @PathVariable int position) {
        SupportCase supportCase = cases.byReference(reference);
        Contact contact = contacts.get(contactId(contactId));
        if (!cases.withMerged(supportCase.id()).contains(contact.caseId())) {
            throw new NotFound("attachment", contactId + "/" + position);
        }
        Attachment file = contacts.attachments(contact.id()).stream().filter(a -> a.position() == position)
                .findFirst().filter(a -> store.contains(a.sha256()))
                .orElseThrow(() -> new NotFound("attachment", contactId + "/" + position));
        boolean inline = INLINE_TYPES.contains(file.mediaType());
        ContentDisposition disposition = (inline ? ContentDisposition.inline() : ContentDisposition.attachment())
                .filename(file.filename(), StandardCharsets.UTF_8).build();
        return ResponseEntity.ok()
                .contentType(inline ? MediaType.parseMediaType(file.mediaType()) : MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(file.size())
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Content-Type-Options", "nosniff")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=3600")
                .body(new InputStreamResource(store.open(file.sha256())));
    }

    private static ContactId contactId(String text) {
        try {
            return new ContactId(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            throw new NotFound("contact", text);
        }
    }
}

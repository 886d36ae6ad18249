package io.repdesk.web.workspace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.repdesk.casework.SupportCase;
import io.repdesk.channel.InboundEmail;
import io.repdesk.channel.RefusedFile;
import io.repdesk.contact.Attachment;
import io.repdesk.contact.Contact;
import io.repdesk.contact.ContactManagement;
import io.repdesk.shared.ContactId;

/** What the case page shows of each contact besides its text: sanitized HTML, files, refused files. */
@Component
class ContactEnclosureViews {

    private final ContactManagement contacts;
    private final InboundEmail inbound;

    ContactEnclosureViews(ContactManagement contacts, InboundEmail inbound) {
        this.contacts = contacts;
        this.inbound = inbound;
    }

    /**
     * One contact's enclosures.
     *
     * @param html the sanitized HTML body, or null to show the plain text
     * @param files the files offered for download (inline images show in the HTML instead)
     */
    record ContactView(@Nullable String html, List<FileLink> files, List<RefusedFile> refused) {
    }

    /** A file with its download address. */
    record FileLink(String filename, String mediaType, long size, String url, boolean original) {
    }

    Map<ContactId, ContactView> of(SupportCase supportCase, List<Contact> thread) {
        Map<ContactId, List<Attachment>> files = new HashMap<>();
        contacts.attachmentsOfCase(supportCase.id())
                .forEach(a -> files.computeIfAbsent(a.contactId(), k -> new ArrayList<>()).add(a));
        Map<ContactId, List<RefusedFile>> refused = inbound.refusedFiles(thread.stream().map(Contact::id).toList());
        Map<ContactId, ContactView> views = new HashMap<>();
        for (Contact contact : thread) {
            List<Attachment> attached = files.getOrDefault(contact.id(), List.of());
            List<RefusedFile> notKept = refused.getOrDefault(contact.id(), List.of());
            String html = contacts.html(contact.id())
                    .map(h -> EmailHtml.sanitize(h, cid -> imageUrl(supportCase, attached, cid))).orElse(null);
            List<FileLink> links = attached.stream().filter(a -> !a.inline())
                    .map(a -> new FileLink(a.original() ? "Original message (.eml)" : a.filename(), a.mediaType(),
                            a.size(), url(supportCase, a), a.original()))
                    .toList();
            if (html != null || !links.isEmpty() || !notKept.isEmpty()) {
                views.put(contact.id(), new ContactView(html, links, notKept));
            }
        }
        return views;
    }

    private static @Nullable String imageUrl(SupportCase supportCase, List<Attachment> attached, String contentId) {
        return attached.stream().filter(a -> contentId.equals(a.contentId()) && a.mediaType().startsWith("image/"))
                .findFirst().map(a -> url(supportCase, a)).orElse(null);
    }

    static String url(SupportCase supportCase, Attachment a) {
        return "/cases/" + supportCase.reference() + "/attachments/" + a.contactId() + "/" + a.position();
    }
}

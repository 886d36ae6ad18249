package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CONTACTS_READ;
import static io.repdesk.security.ApiScope.CONTACTS_WRITE;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactFilter;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.Ids;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.PageRequest;
import io.repdesk.web.api.ApiRequests.RecordContact;
import io.repdesk.web.api.ApiViews.ContactView;
import io.repdesk.web.api.ApiViews.PageView;
import io.repdesk.web.api.ApiViews.RecordedView;
import jakarta.validation.Valid;

/**
 * Records contacts from any channel. A repeated delivery with the same idempotency key (body field or
 * {@code Idempotency-Key} header) answers 200 with the stored contact instead of 201.
 */
@RestController
@RequestMapping("/api/v1/contacts")
class ContactApi {

    private final ContactManagement contacts;

    ContactApi(ContactManagement contacts) {
        this.contacts = contacts;
    }

    @PostMapping
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CONTACTS_WRITE)
    ResponseEntity<RecordedView> record(@Valid @RequestBody RecordContact request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String keyHeader) {
        String key = idempotencyKey(request.idempotencyKey(), keyHeader);
        var recorded = contacts.record(new NewContact(
                new CustomerId(Ids.parse(request.customerId(), "customerId")),
                request.caseId() == null ? null : new CaseId(Ids.parse(request.caseId(), "caseId")),
                request.channel(), request.direction() == null ? Direction.INBOUND : request.direction(),
                request.occurredAt() == null ? Instant.now() : request.occurredAt(), request.subject().strip(),
                request.body(), request.author(), key,
                request.needId() == null ? null : new NeedId(Ids.parse(request.needId(), "needId")),
                request.priority()));
        var view = new RecordedView(ContactView.of(recorded.contact()), recorded.duplicate());
        if (recorded.duplicate()) {
            return ResponseEntity.ok(view);
        }
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/contacts/" + recorded.contact().id())).body(view);
    }

    @GetMapping
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CONTACTS_READ)
    PageView<ContactView> list(@RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable UUID caseId,
            @RequestParam(required = false) @Nullable Channel channel,
            @RequestParam(required = false) @Nullable Direction direction,
            @RequestParam(required = false) @Nullable Instant from,
            @RequestParam(required = false) @Nullable Instant until,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var filter = new ContactFilter(customerId == null ? null : new CustomerId(customerId),
                caseId == null ? null : new CaseId(caseId), channel, direction, from, until);
        return PageView.of(contacts.list(filter, new PageRequest(page, size)), ContactView::of);
    }

    @GetMapping("/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CONTACTS_READ)
    ContactView get(@PathVariable UUID id) {
        return ContactView.of(contacts.get(new ContactId(id)));
    }

    private static @Nullable String idempotencyKey(@Nullable String body, @Nullable String header) {
        if (body != null && header != null && !body.equals(header)) {
            throw new InvalidInput("idempotencyKey", "differs from the Idempotency-Key header");
        }
        if (header != null && (header.isBlank() || header.length() > 200)) {
            throw new InvalidInput("Idempotency-Key", "must be 1–200 characters");
        }
        return body != null ? body : header;
    }
}

package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CASES_READ;
import static io.repdesk.security.ApiScope.CASES_WRITE;
import static io.repdesk.security.ApiScope.NEEDS_WRITE;

import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.casework.CaseFilter;
import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.Priority;
import io.repdesk.contact.ContactManagement;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedKeysFor;
import io.repdesk.need.NewNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.Ids;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.PageRequest;
import io.repdesk.web.api.ApiRequests.ChangeStatus;
import io.repdesk.web.api.ApiRequests.LinkNeed;
import io.repdesk.web.api.ApiViews.CaseView;
import io.repdesk.web.api.ApiViews.ContactView;
import io.repdesk.web.api.ApiViews.PageView;
import jakarta.validation.Valid;

/** Cases: list with filters, read with their contacts, link to a need, change status, merge a duplicate. */
@RestController
@RequestMapping("/api/v1/cases")
class CaseApi {

    private final CaseManagement cases;
    private final ContactManagement contacts;

    CaseApi(CaseManagement cases, ContactManagement contacts) {
        this.cases = cases;
        this.contacts = contacts;
    }

    @GetMapping
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CASES_READ)
    PageView<CaseView> list(@RequestParam(required = false) @Nullable CaseStatus status,
            @RequestParam(required = false) @Nullable Boolean open,
            @RequestParam(required = false) @Nullable UUID needId,
            @RequestParam(required = false) @Nullable Boolean triage,
            @RequestParam(required = false) @Nullable UUID customerId,
            @RequestParam(required = false) @Nullable Priority priority,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        var filter = new CaseFilter(status, open, needId == null ? null : new NeedId(needId), triage,
                customerId == null ? null : new CustomerId(customerId), priority);
        return PageView.of(cases.list(filter, new PageRequest(page, size)), CaseView::of);
    }

    @GetMapping("/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CASES_READ)
    CaseView get(@PathVariable UUID id) {
        var supportCase = cases.get(new CaseId(id));
        return CaseView.of(supportCase, contacts.forCase(supportCase.id()).stream().map(ContactView::of).toList(),
                ApiViews.MatchView.of(cases.matchOf(supportCase.id())));
    }

    @PutMapping("/{id}/need")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseView linkNeed(@PathVariable UUID id, @Valid @RequestBody LinkNeed request) {
        return CaseView.of(cases.linkToNeed(new CaseId(id), new NeedId(Ids.parse(request.needId(), "needId"))));
    }

    /** Confirms the need repdesk linked on its own; matching learns from it at once. */
    @PostMapping("/{id}/need/confirm")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseView confirmNeed(@PathVariable UUID id) {
        return CaseView.of(cases.confirmNeed(new CaseId(id)));
    }

    /** Says the case is about a need repdesk does not know: defines it (title in the customer's words) and links it. */
    @PostMapping("/{id}/new-need")
    @Permits(Permission.WORK_CASES)
    @RequiresScope({ CASES_WRITE, NEEDS_WRITE })
    CaseView newNeed(@PathVariable UUID id, @Valid @RequestBody ApiRequests.NewNeedForCase request) {
        return CaseView.of(cases.linkToNewNeed(new CaseId(id), new NewNeed(NeedKeysFor.title(request.title()),
                request.title().strip(), request.description() == null ? "" : request.description(),
                DemandClass.UNCLASSIFIED, null)));
    }

    @PostMapping("/{id}/status")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseView changeStatus(@PathVariable UUID id, @Valid @RequestBody ChangeStatus request) {
        return CaseView.of(cases.changeStatus(new CaseId(id), request.status()));
    }

    /** Merges this case, a duplicate, into another case of the same customer; answers the surviving case. */
    @PostMapping("/{id}/merge")
    @Permits(Permission.WORK_CASES)
    @RequiresScope(CASES_WRITE)
    CaseView merge(@PathVariable UUID id, @Valid @RequestBody ApiRequests.MergeCase request) {
        CaseId kept = new CaseId(io.repdesk.shared.Ids.parse(request.intoId(), "intoId"));
        cases.merge(new CaseId(id), kept);
        return CaseView.of(cases.get(kept), contacts.forCase(kept).stream().map(ContactView::of).toList(), null);
    }
}

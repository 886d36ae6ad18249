package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.NEEDS_READ;
import static io.repdesk.security.ApiScope.NEEDS_WRITE;

import java.net.URI;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.need.NeedFilter;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.PageRequest;
import io.repdesk.web.api.ApiRequests.ChangeStage;
import io.repdesk.web.api.ApiRequests.CreateNeed;
import io.repdesk.web.api.ApiViews.NeedView;
import io.repdesk.web.api.ApiViews.PageView;
import jakarta.validation.Valid;

/** Service needs: define, list, read, and move through the lifecycle. */
@RestController
@RequestMapping("/api/v1/needs")
class NeedApi {

    private final NeedManagement needs;

    NeedApi(NeedManagement needs) {
        this.needs = needs;
    }

    @PostMapping
    @Permits(Permission.SHAPE_NEEDS)
    @RequiresScope(NEEDS_WRITE)
    ResponseEntity<NeedView> create(@Valid @RequestBody CreateNeed request) {
        var need = needs.define(new NewNeed(request.key(), request.title().strip(),
                request.description() == null ? "" : request.description(),
                request.demandClass() == null ? DemandClass.UNCLASSIFIED : request.demandClass(),
                request.workaround()));
        return ResponseEntity.created(URI.create("/api/v1/needs/" + need.id())).body(NeedView.of(need));
    }

    @GetMapping
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(NEEDS_READ)
    PageView<NeedView> list(@RequestParam(required = false) @Nullable LifecycleStage stage,
            @RequestParam(required = false) @Nullable DemandClass demandClass,
            @RequestParam(required = false) @Nullable String q, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return PageView.of(needs.list(new NeedFilter(stage, demandClass, q), new PageRequest(page, size)),
                NeedView::of);
    }

    @GetMapping("/{id}")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(NEEDS_READ)
    NeedView get(@PathVariable UUID id) {
        return NeedView.of(needs.get(new NeedId(id)));
    }

    /** Merges this need into another; its cases follow and it stays in the history. */
    @PostMapping("/{id}/merge")
    @Permits(Permission.SHAPE_NEEDS)
    @RequiresScope(NEEDS_WRITE)
    NeedView merge(@PathVariable UUID id, @Valid @RequestBody ApiRequests.MergeNeed request) {
        return NeedView.of(needs.merge(new NeedId(id), new NeedId(io.repdesk.shared.Ids.parse(request.intoId(),
                "intoId"))));
    }

    @PostMapping("/{id}/stage")
    @Permits(Permission.SHAPE_NEEDS)
    @RequiresScope(NEEDS_WRITE)
    NeedView changeStage(@PathVariable UUID id, @Valid @RequestBody ChangeStage request) {
        return NeedView.of(needs.moveTo(new NeedId(id), request.stage()));
    }
}

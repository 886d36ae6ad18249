package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.NEEDS_READ;
import static io.repdesk.security.ApiScope.NEEDS_WRITE;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.prevent.Evidence;
import io.repdesk.prevent.FixVersion;
import io.repdesk.prevent.Handoff;
import io.repdesk.prevent.NeedEvidence;
import io.repdesk.prevent.PreventManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.NeedId;

/** Prevent: a need's evidence dataset, its hand-off to engineering, expected fix versions and their releases. */
@RestController
@RequestMapping("/api/v1/needs/{id}")
class PreventApi {

    /** Who owns the fix and where the issue lives. */
    record HandOff(@Nullable String owner, @Nullable String issueUrl) {
    }

    /** A version expected to fix the need; product and platform may be left out (any). */
    record ExpectFix(@Nullable String product, @Nullable String platform, @Nullable String version) {
    }

    /** When the fix shipped; now when left out. */
    record Release(@Nullable Instant releasedAt) {
    }

    private final NeedEvidence evidence;
    private final PreventManagement prevent;

    PreventApi(NeedEvidence evidence, PreventManagement prevent) {
        this.evidence = evidence;
        this.prevent = prevent;
    }

    @GetMapping("/evidence")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(NEEDS_READ)
    Evidence evidence(@PathVariable UUID id) {
        return evidence.of(new NeedId(id));
    }

    @GetMapping("/handoff")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(NEEDS_READ)
    Handoff handoff(@PathVariable UUID id) {
        return prevent.handoff(new NeedId(id));
    }

    @PostMapping("/handoff")
    @Permits(Permission.SHAPE_NEEDS)
    @RequiresScope(NEEDS_WRITE)
    Handoff handOff(@PathVariable UUID id, @RequestBody HandOff request) {
        return prevent.handOff(new NeedId(id), request.owner(), request.issueUrl());
    }

    @PostMapping("/fixes")
    @Permits(Permission.SHAPE_NEEDS)
    @RequiresScope(NEEDS_WRITE)
    FixVersion expectFix(@PathVariable UUID id, @RequestBody ExpectFix request) {
        return prevent.expectFix(new NeedId(id), request.product(), request.platform(), request.version());
    }

    @PostMapping("/fixes/{fixId}/release")
    @Permits(Permission.SHAPE_NEEDS)
    @RequiresScope(NEEDS_WRITE)
    Handoff release(@PathVariable UUID id, @PathVariable UUID fixId, @RequestBody(required = false)
            @Nullable Release request) {
        return prevent.releaseFix(new NeedId(id), fixId, request == null ? null : request.releasedAt());
    }
}

package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.SETTINGS_READ;
import static io.repdesk.security.ApiScope.SETTINGS_WRITE;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.casework.Tier;
import io.repdesk.casework.TierLevel;
import io.repdesk.casework.TierManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The support levels: names, purpose, and which are in use. */
@RestController
@RequestMapping("/api/v1/tiers")
class TierApi {

    private final TierManagement tiers;

    TierApi(TierManagement tiers) {
        this.tiers = tiers;
    }

    /** A level as the request to change it. */
    record TierBody(@NotBlank @Size(max = 40) String name, @Size(max = 300) @Nullable String description,
            boolean inUse) {
    }

    @GetMapping
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<TierLevel> list() {
        return tiers.levels();
    }

    @PutMapping("/{tier}")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    TierLevel change(@PathVariable Tier tier, @Valid @RequestBody TierBody body) {
        tiers.define(List.of(new TierLevel(tier, body.name(), body.description() == null ? "" : body.description(),
                body.inUse())));
        return tiers.level(tier);
    }
}

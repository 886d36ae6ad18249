package io.repdesk.customer;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.OrganizationId;

/** Optional filters for listing customers; null means "any". */
public record CustomerFilter(@Nullable OrganizationId organizationId, @Nullable String platform,
        @Nullable String version, @Nullable String plan, @Nullable String query) {

    public static CustomerFilter any() {
        return new CustomerFilter(null, null, null, null, null);
    }
}

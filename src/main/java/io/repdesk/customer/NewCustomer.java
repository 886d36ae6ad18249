package io.repdesk.customer;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.OrganizationId;

/** What it takes to register a customer. */
public record NewCustomer(@Nullable OrganizationId organizationId, String name, String email,
        EnvironmentProfile environment, @Nullable String accountManager) {
}

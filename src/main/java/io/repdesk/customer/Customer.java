package io.repdesk.customer;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CustomerId;
import io.repdesk.shared.OrganizationId;

/** A person who asks for help; usually in an organization, always with an environment profile. */
public record Customer(CustomerId id, @Nullable OrganizationId organizationId, String name, String email,
        EnvironmentProfile environment, @Nullable String accountManager, Instant createdAt) {
}

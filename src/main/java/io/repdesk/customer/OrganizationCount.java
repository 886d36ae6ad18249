package io.repdesk.customer;

import io.repdesk.shared.OrganizationId;

/** How many customers of a group belong to one organization. */
public record OrganizationCount(OrganizationId id, String name, long customers) {
}

package io.repdesk.customer;

import java.time.Instant;

import io.repdesk.shared.OrganizationId;

/** A company or household whose people are customers; plan is the commercial plan of the account. */
public record Organization(OrganizationId id, String name, String plan, Instant createdAt) {
}

package io.repdesk.customer;

import io.repdesk.shared.CustomerId;

/** Published after a customer is registered. */
public record CustomerRegistered(CustomerId customerId) {
}

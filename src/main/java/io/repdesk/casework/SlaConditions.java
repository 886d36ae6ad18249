package io.repdesk.casework;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/**
 * Which cases an SLA policy covers; a condition left empty matches every case.
 *
 * @param organizationId the customer's organization (a contract)
 * @param plan the customer's plan, as in their environment profile
 * @param channel the channel of the case's first contact ({@code EMAIL}, {@code PORTAL} …)
 */
public record SlaConditions(@Nullable OrganizationId organizationId, @Nullable String plan,
        @Nullable Priority priority, @Nullable String channel, @Nullable NeedId needId) {

    public static SlaConditions any() {
        return new SlaConditions(null, null, null, null, null);
    }

    boolean matches(SupportCase c, @Nullable OrganizationId organization, @Nullable String customerPlan) {
        return (organizationId == null || organizationId.equals(organization))
                && (plan == null || plan.equalsIgnoreCase(customerPlan == null ? "" : customerPlan))
                && (priority == null || priority == c.priority())
                && (channel == null || channel.equalsIgnoreCase(c.channel() == null ? "" : c.channel()))
                && (needId == null || needId.equals(c.needId()));
    }
}

package io.repdesk.casework;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;

/**
 * Optional filters for listing cases; null means "any".
 *
 * @param open true for open cases only, false for resolved or closed only
 * @param triage true for cases without a need only
 */
public record CaseFilter(@Nullable CaseStatus status, @Nullable Boolean open, @Nullable NeedId needId,
        @Nullable Boolean triage, @Nullable CustomerId customerId, @Nullable Priority priority) {

    public static CaseFilter any() {
        return new CaseFilter(null, null, null, null, null, null);
    }

    public static CaseFilter openForNeed(NeedId need) {
        return new CaseFilter(null, true, need, null, null, null);
    }

    public static CaseFilter openInTriage() {
        return new CaseFilter(null, true, null, true, null, null);
    }

    public static CaseFilter forCustomer(CustomerId customer) {
        return new CaseFilter(null, null, null, null, customer, null);
    }
}

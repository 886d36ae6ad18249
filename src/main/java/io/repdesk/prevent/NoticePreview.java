package io.repdesk.prevent;

import java.util.List;

import io.repdesk.customer.Customer;

/**
 * Who a notice to a cohort would reach: the cohort less the customers already affected and those who opted out.
 *
 * @param sample the first recipients, to show
 */
public record NoticePreview(List<String> cohort, int cohortSize, int alreadyAffected, int optedOut, int recipients,
        List<Customer> sample) {

    public NoticePreview {
        cohort = List.copyOf(cohort);
        sample = List.copyOf(sample);
    }
}

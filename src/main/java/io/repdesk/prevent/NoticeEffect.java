package io.repdesk.prevent;

import org.jspecify.annotations.Nullable;

/**
 * What a notice changed: the cohort's contact rate for the need in equal windows before and after it, the rate among
 * the notified customers after it, and the rate among cohort customers who were not notified (opted out).
 *
 * @param days the length of each window, up to 28 days since the notice
 * @param avoided the contacts the notified customers did not make, had they kept the cohort's earlier rate
 */
public record NoticeEffect(long days, double rateBefore, double rateNotified, @Nullable Double rateNotNotified,
        long casesNotified, double avoided) {
}

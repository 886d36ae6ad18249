package io.repdesk.prevent;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.customer.OrganizationCount;
import io.repdesk.need.ServiceNeed;

/**
 * What support knows about a need, for engineering: volume over time, cost, who is affected, the environment values
 * over-represented among them (and whether any test environment runs them), verbatims and the workaround.
 *
 * @param repeatContacts cases a customer opened again for the need within the repeat window of their previous one
 * @param medianResolution the median time from opening to resolution of resolved cases, or null when none is
 * @param testGaps sentences naming significant values no test environment runs
 * @param upgradeWarnings the need hit at a higher rate by the first customers on a new version, strongest first
 */
public record Evidence(ServiceNeed need, Instant computedAt, long cases, long contacts, long customers,
        long organizations, List<OrganizationCount> topOrganizations, List<Week> weekly, Trend trend, Cost cost,
        long repeatContacts, @Nullable Duration medianResolution, List<Overrepresentation> overrepresented,
        List<String> testGaps, List<Verbatim> verbatims, List<ArticleLink> articles, @Nullable Handoff handoff,
        List<UpgradeWarning> upgradeWarnings) {

    /** The need's contacts and the distinct customers who made them in the ISO week starting {@code week}. */
    public record Week(LocalDate week, long contacts, long customers) {
    }

    /**
     * Contacts in the last full week against the mean of the eight weeks before it.
     *
     * @param spike whether the last week is at least twice the baseline (and at least five contacts)
     */
    public record Trend(long lastWeek, double baseline, boolean spike) {
    }

    /** Agent minutes spent on the need's cases, priced per agent hour. */
    public record Cost(long minutes, BigDecimal amount, String currency, @Nullable BigDecimal perContact) {
    }

    /** A customer's words about the need. */
    public record Verbatim(Instant at, String text) {
    }

    /** A knowledge article linked to the need. */
    public record ArticleLink(String reference, String title, String state) {
    }

    /** The significant over-represented values only. */
    public List<Overrepresentation> significant() {
        return overrepresented.stream().filter(Overrepresentation::significant).toList();
    }
}

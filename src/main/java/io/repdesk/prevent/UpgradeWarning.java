package io.repdesk.prevent;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.NeedId;

/**
 * The first customers on a new version hit a need at a higher rate than customers on the product's other versions.
 *
 * @param version the newest version customers run on the product and platform
 * @param previousVersion the version before it, whose customers are about to upgrade
 * @param affected customers on the new version who contacted us about the need within the window
 * @param customers customers on the new version
 * @param othersAffected customers on the other versions (same product and platform) who contacted us about it
 * @param othersCustomers customers on the other versions
 */
public record UpgradeWarning(NeedId needId, String needTitle, @Nullable String product, @Nullable String platform,
        String version, String previousVersion, long affected, long customers, long othersAffected,
        long othersCustomers, double z, double pValue) {

    public double rate() {
        return customers == 0 ? 0 : (double) affected / customers;
    }

    public double othersRate() {
        return othersCustomers == 0 ? 0 : (double) othersAffected / othersCustomers;
    }

    /** How many times the new version's rate is the others' rate; null when no other customer was affected. */
    public @Nullable Double lift() {
        return othersAffected == 0 ? null : rate() / othersRate();
    }

    /** The new version as the evidence names versions: with its platform ({@code Android 5.3}). */
    public String label() {
        return withPlatform(version);
    }

    public String previousLabel() {
        return withPlatform(previousVersion);
    }

    /** The cohort of customers on the previous version, in the keys proactive notices take. */
    public List<String> previousCohort() {
        List<String> keys = new ArrayList<>();
        if (product != null) {
            keys.add("product=" + product);
        }
        keys.add("version=" + previousLabel());
        return keys;
    }

    private String withPlatform(String v) {
        return platform == null ? v : platform + " " + v;
    }
}

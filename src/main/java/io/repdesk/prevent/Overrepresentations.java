package io.repdesk.prevent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.repdesk.customer.EnvironmentCounts;

/** Finds the environment values over-represented among a need's affected customers. */
final class Overrepresentations {

    private Overrepresentations() {
    }

    /**
     * Every value that at least {@code minAffected} affected customers share and that is more common among them
     * than in the base, most significant first; significance is corrected for the number of values tested.
     */
    static List<Overrepresentation> of(EnvironmentCounts affected, EnvironmentCounts base,
            List<TestEnvironment> environments, int minAffected, double significance) {
        if (affected.customers() == 0 || base.customers() == 0) {
            return List.of();
        }
        List<Map.Entry<String, Long>> tested = affected.counts().entrySet().stream()
                .filter(e -> e.getValue() >= minAffected).toList();
        double level = significance / Math.max(1, tested.size());
        List<Overrepresentation> found = new ArrayList<>();
        for (Map.Entry<String, Long> e : tested) {
            long k = e.getValue();
            long total = Math.max(base.of(e.getKey()), k);
            double share = (double) k / affected.customers();
            double baseShare = (double) total / base.customers();
            if (share <= baseShare) {
                continue;
            }
            double z = Significance.z(k, affected.customers(), total, base.customers());
            double p = Significance.pValue(z);
            int eq = e.getKey().indexOf('=');
            List<String> running = environments.stream().filter(t -> t.keys().contains(e.getKey()))
                    .map(TestEnvironment::name).toList();
            found.add(new Overrepresentation(e.getKey().substring(0, eq), e.getKey().substring(eq + 1), k, share, total,
                    baseShare, share / baseShare, z, p, p < level, running));
        }
        found.sort(Comparator.comparing(Overrepresentation::significant).reversed()
                .thenComparing(Comparator.comparingDouble(Overrepresentation::z).reversed()));
        return found;
    }
}

package io.repdesk.prevent;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.customer.EnvironmentCounts;
import io.repdesk.intake.AnswerCounts;

/** Finds the environment values and intake answers over-represented among a need's affected customers and cases. */
final class Overrepresentations {

    private Overrepresentations() {
    }

    /**
     * Every environment value and intake answer that at least {@code minAffected} affected customers (for answers:
     * cases) share and that is more common among them than in the base, most significant first; significance is
     * corrected for the number of values tested. An answer's shares count only the cases that answered its question.
     */
    static List<Overrepresentation> of(EnvironmentCounts affected, EnvironmentCounts base, AnswerCounts affectedAnswers,
            AnswerCounts baseAnswers, List<TestEnvironment> environments, int minAffected, double significance) {
        List<Tally> tested = new ArrayList<>();
        if (affected.customers() > 0 && base.customers() > 0) {
            for (Map.Entry<String, Long> e : affected.counts().entrySet()) {
                int eq = e.getKey().indexOf('=');
                tested.add(new Tally(e.getKey().substring(0, eq), e.getKey().substring(eq + 1), null, e.getValue(),
                        affected.customers(), base.of(e.getKey()), base.customers()));
            }
        }
        for (Map.Entry<String, Long> e : affectedAnswers.counts().entrySet()) {
            int eq = e.getKey().indexOf('=');
            String question = e.getKey().substring(0, eq);
            tested.add(new Tally(Overrepresentation.INTAKE + question, e.getKey().substring(eq + 1),
                    affectedAnswers.prompts().get(question), e.getValue(), affectedAnswers.answered(question),
                    baseAnswers.of(e.getKey()), baseAnswers.answered(question)));
        }
        tested.removeIf(t -> t.k() < minAffected);
        double level = significance / Math.max(1, tested.size());
        List<Overrepresentation> found = new ArrayList<>();
        for (Tally t : tested) {
            long total = Math.max(t.total(), t.k());
            long population = Math.max(t.population(), t.n());
            double share = (double) t.k() / t.n();
            double baseShare = (double) total / population;
            if (share <= baseShare) {
                continue;
            }
            double z = Significance.z(t.k(), t.n(), total, population);
            double p = Significance.pValue(z);
            String key = t.field() + "=" + t.value();
            List<String> running = environments.stream().filter(env -> env.keys().contains(key))
                    .map(TestEnvironment::name).toList();
            found.add(new Overrepresentation(t.field(), t.value(), t.k(), share, total, baseShare, share / baseShare, z,
                    p, p < level, running, t.question()));
        }
        found.sort(Comparator.comparing(Overrepresentation::significant).reversed()
                .thenComparing(Comparator.comparingDouble(Overrepresentation::z).reversed()));
        return found;
    }

    /** {@code k} of the {@code n} affected have the value, {@code total} of the {@code population} as a whole. */
    private record Tally(String field, String value, @Nullable String question, long k, long n, long total,
            long population) {
    }
}

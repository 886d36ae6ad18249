package io.repdesk.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk eval matching --train TRAIN.csv --test TEST.csv}: loads TRAIN as confirmed history
 * (one need per category) through the normal recording path, lets the index learn it, then matches
 * every TEST row as a new contact without learning from it, and prints the figures.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "eval-matching")
class MatchingEvaluation implements ApplicationRunner {

    private static final int CHUNK = 500;

    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final ContactManagement contacts;
    private final NeedMatcher matcher;
    private final TransactionTemplate transaction;
    private final Path train;
    private final Path test;
    private final PrintStream out = System.out;

    MatchingEvaluation(CustomerManagement customers, NeedManagement needs, ContactManagement contacts,
            NeedMatcher matcher, TransactionTemplate transaction, @Value("${repdesk.eval.train}") Path train,
            @Value("${repdesk.eval.test}") Path test) {
        this.customers = customers;
        this.needs = needs;
        this.contacts = contacts;
        this.matcher = matcher;
        this.transaction = transaction;
        this.train = train;
        this.test = test;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<LabelledText> history = LabelledText.read(train);
        List<LabelledText> cases = LabelledText.read(test);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("evaluation", null, List.of()));
        Map<String, NeedId> needIds = load(history);
        awaitIndex();
        out.println(summarize(cases, needIds, match(cases)));
    }

    private Map<String, NeedId> load(List<LabelledText> history) {
        Map<String, NeedId> needIds = new LinkedHashMap<>();
        CustomerId customer = transaction.execute(status -> {
            history.stream().map(LabelledText::category).filter(c -> !c.equals(LabelledText.OUT_OF_SCOPE)).distinct()
                    .forEach(c -> needIds.put(c, needs.define(new NewNeed(key(c, needIds.size()), title(c), "",
                            DemandClass.UNCLASSIFIED, null)).id()));
            return customers.register(new NewCustomer(null, "Evaluation history", "history@evaluation.invalid",
                    EnvironmentProfile.unknown(), null)).id();
        });
        ProgressBar bar = new ProgressBar(out, "Loading history", history.size());
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int from = 0; from < history.size(); from += CHUNK) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + CHUNK, history.size()); i++) {
                    LabelledText row = history.get(i);
                    NeedId need = needIds.get(row.category());
                    if (need != null) {
                        contacts.record(new NewContact(customer, null, Channel.API, Direction.INBOUND,
                                start.plusSeconds(i), row.text(), row.text(), null, "eval-history-" + i, need, null));
                    }
                }
            });
            bar.update(Math.min(from + CHUNK, history.size()));
        }
        bar.done();
        return needIds;
    }

    private void awaitIndex() {
        out.println("Indexing and learning the history…");
        long started = System.nanoTime();
        while (!matcher.awaitCurrent(Duration.ofSeconds(5))) {
            out.printf("  still indexing (%s)%n", ProgressBar.duration(Duration.ofNanos(System.nanoTime() - started)));
        }
        matcher.consolidate();
    }

    /** One test row's outcome. */
    record Outcome(LabelledText row, MatchResult result, double millis) {
    }

    private List<Outcome> match(List<LabelledText> rows) {
        ProgressBar bar = new ProgressBar(out, "Matching", rows.size());
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (LabelledText row : rows) {
            long t0 = System.nanoTime();
            MatchResult result = matcher.match(row.text());
            outcomes.add(new Outcome(row, result, (System.nanoTime() - t0) / 1e6));
            bar.update(outcomes.size());
        }
        bar.done();
        return outcomes;
    }

    static String summarize(List<LabelledText> rows, Map<String, NeedId> needIds, List<Outcome> outcomes) {
        int inScope = 0;
        int correct = 0;
        int inScopeKept = 0;
        int oos = 0;
        int oosFlagged = 0;
        List<Double> oosScores = new ArrayList<>();
        List<Double> inScopeScores = new ArrayList<>();
        List<Double> millis = new ArrayList<>();
        for (Outcome o : outcomes) {
            millis.add(o.millis());
            boolean flagged = o.result() instanceof MatchResult.NewNeed;
            if (o.row().outOfScope()) {
                oos++;
                oosFlagged += flagged ? 1 : 0;
                oosScores.add((double) o.result().newNeedScore());
            } else {
                inScope++;
                inScopeKept += flagged ? 0 : 1;
                inScopeScores.add((double) o.result().newNeedScore());
                NeedId expected = needIds.get(o.row().category());
                if (!o.result().candidates().isEmpty()
                        && o.result().candidates().getFirst().needId().equals(expected)) {
                    correct++;
                }
            }
        }
        return String.format(Locale.ROOT,
                "matching n=%d in_scope_accuracy=%s oos_auroc=%s oos_recall=%s in_scope_recall=%s ms_per_contact=%s",
                rows.size(), Metrics.format(inScope == 0 ? Double.NaN : (double) correct / inScope),
                Metrics.format(Metrics.auroc(oosScores, inScopeScores)),
                Metrics.format(oos == 0 ? Double.NaN : (double) oosFlagged / oos),
                Metrics.format(inScope == 0 ? Double.NaN : (double) inScopeKept / inScope),
                String.format(Locale.ROOT, "%.2f", Metrics.median(millis)));
    }

    private static String key(String category, int index) {
        String base = category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return (base.isEmpty() ? "need" : base) + "-" + index;
    }

    private static String title(String category) {
        String words = category.replace('_', ' ').strip();
        return words.isEmpty() ? "Need" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

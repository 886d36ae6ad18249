package io.repdesk.eval;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
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
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NeedMatcher;
import io.repdesk.need.NewNeed;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.ProgressBar;

/**
 * Loads labelled texts as confirmed history (one need per category) through the normal recording path and
 * waits until matching has learnt it: the common start of the evaluations that match new texts to needs.
 */
@Component
@ConditionalOnExpression("'${repdesk.command:}'.startsWith('eval-')")
class EvaluationHistory {

    private static final int CHUNK = 500;

    private final CustomerManagement customers;
    private final NeedManagement needs;
    private final ContactManagement contacts;
    private final NeedMatcher matcher;
    private final TransactionTemplate transaction;

    EvaluationHistory(CustomerManagement customers, NeedManagement needs, ContactManagement contacts,
            NeedMatcher matcher, TransactionTemplate transaction) {
        this.customers = customers;
        this.needs = needs;
        this.contacts = contacts;
        this.matcher = matcher;
        this.transaction = transaction;
    }

    /** Records the history and returns the need of each category (out-of-scope rows are left out). */
    Map<String, NeedId> load(List<LabelledText> history, PrintStream out) {
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
        awaitIndex(out);
        return needIds;
    }

    private void awaitIndex(PrintStream out) {
        out.println("Indexing and learning the history…");
        long started = System.nanoTime();
        while (!matcher.awaitCurrent(Duration.ofSeconds(5))) {
            out.printf("  still indexing (%s)%n", ProgressBar.duration(Duration.ofNanos(System.nanoTime() - started)));
        }
        matcher.consolidate();
    }

    private static String key(String category, int index) {
        String base = category.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_|_$", "");
        return (base.isEmpty() ? "need" : base) + "-" + index;
    }

    /** A category's name as a title: {@code card_arrival} → "Card arrival". */
    static String title(String category) {
        String words = category.replace('_', ' ').strip();
        return words.isEmpty() ? "Need" : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}

package io.repdesk.eval;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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

import io.repdesk.need.MatchResult;
import io.repdesk.need.NeedMatcher;
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

    private final EvaluationHistory history;
    private final NeedMatcher matcher;
    private final Path train;
    private final Path test;
    private final PrintStream out = System.out;

    MatchingEvaluation(EvaluationHistory history, NeedMatcher matcher, @Value("${repdesk.eval.train}") Path train,
            @Value("${repdesk.eval.test}") Path test) {
        this.history = history;
        this.matcher = matcher;
        this.train = train;
        this.test = test;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<LabelledText> history = LabelledText.read(train);
        List<LabelledText> cases = LabelledText.read(test);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("evaluation", null, List.of()));
        Map<String, NeedId> needIds = this.history.load(history, out);
        out.println(summarize(cases, needIds, match(cases)));
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
}

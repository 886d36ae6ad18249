package io.repdesk.eval;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.NewCase;
import io.repdesk.casework.Priority;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.prevent.Evidence;
import io.repdesk.prevent.NeedEvidence;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk bench prevent}: registers N customers (a tenth on Android 5.2) and puts N contacts on one need,
 * seven in ten of its cases from the Android 5.2 cohort, then times {@link NeedEvidence#of} for the need, three
 * passes.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-prevent")
class PreventBenchmark implements ApplicationRunner {

    private static final int PASSES = 3;
    private static final int BATCH = 1_000;
    private static final String[] PLATFORMS = { "iOS", "Android", "web" };
    private static final String[] VERSIONS = { "5.0", "5.1", "5.3" };
    private static final String[] PLANS = { "Personal", "Business", "Premium" };

    private final CustomerManagement customers;
    private final CaseManagement cases;
    private final NeedManagement needs;
    private final NeedEvidence evidence;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int customerCount;
    private final int contactCount;
    private final PrintStream out = System.out;
    private final Random random = new Random(7);

    PreventBenchmark(CustomerManagement customers, CaseManagement cases, NeedManagement needs, NeedEvidence evidence,
            TransactionTemplate transaction, Clock clock, @Value("${repdesk.eval.customers:100000}") int customerCount,
            @Value("${repdesk.eval.contacts:50000}") int contactCount) {
        this.customers = customers;
        this.cases = cases;
        this.needs = needs;
        this.evidence = evidence;
        this.transaction = transaction;
        this.clock = clock;
        this.customerCount = customerCount;
        this.contactCount = contactCount;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("benchmark", null, List.of()));
        List<CustomerId> cohort = new ArrayList<>();
        List<CustomerId> others = new ArrayList<>();
        register(cohort, others);
        NeedId need = needs.define(new NewNeed("bench_defect", "The app crashes when I open my card", "",
                DemandClass.UNCLASSIFIED, "Restart the app")).id();
        int caseCount = contact(need, cohort, others);
        List<Double> millis = new ArrayList<>();
        Evidence last = null;
        for (int pass = 1; pass <= PASSES; pass++) {
            long t0 = System.nanoTime();
            last = evidence.of(need);
            double ms = (System.nanoTime() - t0) / 1e6;
            millis.add(ms);
            out.printf(Locale.ROOT, "Pass %d: evidence of %,d contacts from %,d customers in %.0f ms (top value %s, "
                    + "lift %.2f)%n", pass, last.contacts(), last.customers(), ms, last.significant().getFirst().key(),
                    last.significant().getFirst().lift());
        }
        out.println(String.format(Locale.ROOT, "bench prevent customers=%d contacts=%d cases=%d affected=%d "
                + "median_ms=%.0f runs_ms=%s", customerCount, last.contacts(), caseCount, last.customers(),
                Metrics.median(millis), String.join("/", millis.stream()
                        .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList())));
    }

    private void register(List<CustomerId> cohort, List<CustomerId> others) {
        ProgressBar bar = new ProgressBar(out, "Registering customers", customerCount);
        for (int from = 0; from < customerCount; from += BATCH) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + BATCH, customerCount); i++) {
                    boolean planted = i % 10 == 0;
                    String platform = planted ? "Android" : PLATFORMS[random.nextInt(PLATFORMS.length)];
                    String version = planted ? "5.2" : VERSIONS[random.nextInt(VERSIONS.length)];
                    CustomerId id = customers.register(new NewCustomer(null, "Customer " + i,
                            "customer" + i + "@bench.invalid", new EnvironmentProfile("Lumen app", version, platform,
                                    PLANS[random.nextInt(PLANS.length)], "EU",
                                    Map.of("device", "Device " + random.nextInt(20))), null)).id();
                    (planted ? cohort : others).add(id);
                }
            });
            bar.update(Math.min(from + BATCH, customerCount));
        }
        bar.done();
    }

    /** Opens cases of the need until the contacts are spent: one to three customer messages each. */
    private int contact(NeedId need, List<CustomerId> cohort, List<CustomerId> others) {
        Instant now = clock.instant();
        ProgressBar bar = new ProgressBar(out, "Recording contacts", contactCount);
        int[] made = { 0, 0 };
        while (made[0] < contactCount) {
            transaction.executeWithoutResult(status -> {
                for (int n = 0; n < BATCH / 2 && made[0] < contactCount; n++) {
                    List<CustomerId> from = random.nextInt(10) < 7 ? cohort : others;
                    Instant opened = now.minus(Duration.ofMinutes(random.nextInt(90 * 24 * 60)));
                    CaseId id = cases.open(new NewCase(from.get(random.nextInt(from.size())), "Crash " + made[1],
                            Priority.NORMAL, need), opened).id();
                    int messages = Math.min(1 + random.nextInt(3), contactCount - made[0]);
                    for (int m = 0; m < messages; m++) {
                        cases.contactRecorded(id, ContactId.random(), opened.plus(Duration.ofHours(m)), true,
                                "The app crashes", "EMAIL");
                    }
                    made[0] += messages;
                    made[1]++;
                }
            });
            bar.update(made[0]);
        }
        bar.done();
        return made[1];
    }
}

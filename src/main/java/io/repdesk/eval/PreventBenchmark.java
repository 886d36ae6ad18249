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

import io.repdesk.contact.Channel;
import io.repdesk.contact.ContactManagement;
import io.repdesk.contact.Direction;
import io.repdesk.contact.NewContact;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.need.DemandClass;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.NewNeed;
import io.repdesk.prevent.Evidence;
import io.repdesk.prevent.NeedEvidence;
import io.repdesk.prevent.NeedSignals;
import io.repdesk.prevent.UpgradeWarnings;
import io.repdesk.prevent.SignalProjector;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk bench prevent}: registers N customers (a tenth on Android 5.2) and records N customer messages on
 * one need through the contact module (texts and all), seven in ten of its cases from the Android 5.2 cohort; times
 * the signals projection catching up with the whole journal, then {@link NeedEvidence#of} for the need (three
 * passes), then the projection applying a further batch of messages and one more evidence pass.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-prevent")
class PreventBenchmark implements ApplicationRunner {

    private static final int PASSES = 3;
    private static final int BATCH = 1_000;
    private static final String[] PLATFORMS = { "iOS", "Android", "web" };
    private static final String[] VERSIONS = { "5.0", "5.1", "5.3" };
    private static final String[] PLANS = { "Personal", "Business", "Premium" };
    private static final int LATE_CONTACTS = 1_000;
    private static final String[] OPENINGS = { "The app crashes when I open my card", "My card screen closes the app",
        "Tapping my card makes the app quit", "The app shuts down as soon as I look at my card" };

    private final CustomerManagement customers;
    private final ContactManagement contacts;
    private final SignalProjector signals;
    private final NeedSignals needSignals;
    private final UpgradeWarnings upgradeWarnings;
    private final NeedManagement needs;
    private final NeedEvidence evidence;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int customerCount;
    private final int contactCount;
    private final PrintStream out = System.out;
    private final Random random = new Random(7);

    PreventBenchmark(CustomerManagement customers, ContactManagement contacts, SignalProjector signals,
            NeedSignals needSignals, UpgradeWarnings upgradeWarnings, NeedManagement needs, NeedEvidence evidence,
            TransactionTemplate transaction, Clock clock, @Value("${repdesk.eval.customers:100000}") int customerCount,
            @Value("${repdesk.eval.contacts:50000}") int contactCount) {
        this.customers = customers;
        this.contacts = contacts;
        this.signals = signals;
        this.needSignals = needSignals;
        this.upgradeWarnings = upgradeWarnings;
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
        Instant now = clock.instant();
        int caseCount = contact(need, cohort, others, contactCount, now.minus(Duration.ofDays(90)), now);
        long t0 = System.nanoTime();
        long entries = signals.catchUp();
        double catchUpSeconds = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "Signals: the projection applied the whole journal (%,d entries) in %.1f s, %.0f "
                + "entries/s%n", entries, catchUpSeconds, entries / catchUpSeconds);
        List<Double> millis = new ArrayList<>();
        Evidence last = null;
        for (int pass = 1; pass <= PASSES; pass++) {
            last = pass(pass, need, millis);
        }
        out.printf(Locale.ROOT, "Parts: of a pass, the signals from the read model take %.0f ms, the upgrade warnings "
                + "%.0f ms (medians of %d)%n", median(() -> needSignals.of(need)),
                median(() -> upgradeWarnings.find(need)), PASSES);
        caseCount += contact(need, cohort, others, LATE_CONTACTS, now.minus(Duration.ofHours(1)), now);
        long before = signals.position();
        t0 = System.nanoTime();
        long after = signals.catchUp();
        double lateMillis = (System.nanoTime() - t0) / 1e6;
        out.printf(Locale.ROOT, "Signals: %,d further messages (%,d journal entries) applied in %.0f ms%n",
                LATE_CONTACTS, after - before, lateMillis);
        Evidence latest = pass(PASSES + 1, need, new ArrayList<>());
        out.println(String.format(Locale.ROOT, "bench prevent customers=%d contacts=%d cases=%d affected=%d "
                + "median_ms=%.0f runs_ms=%s catch_up_s=%.1f entries=%d late_ms=%.0f late_entries=%d "
                + "after_late_contacts=%d verbatims=%d", customerCount, last.contacts(), caseCount,
                last.customers(), Metrics.median(millis), String.join("/", millis.stream()
                        .map(v -> String.format(Locale.ROOT, "%.0f", v)).toList()), catchUpSeconds, entries,
                lateMillis, after - before, latest.contacts(), latest.verbatims().size()));
    }

    private double median(Runnable part) {
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < PASSES; i++) {
            long t0 = System.nanoTime();
            part.run();
            millis.add((System.nanoTime() - t0) / 1e6);
        }
        return Metrics.median(millis);
    }

    private Evidence pass(int pass, NeedId need, List<Double> millis) {
        long t0 = System.nanoTime();
        Evidence found = evidence.of(need);
        double ms = (System.nanoTime() - t0) / 1e6;
        millis.add(ms);
        out.printf(Locale.ROOT, "Pass %d: evidence of %,d contacts from %,d customers in %.0f ms (top value %s, "
                + "lift %.2f, %d verbatims)%n", pass, found.contacts(), found.customers(), ms,
                found.significant().getFirst().key(), found.significant().getFirst().lift(), found.verbatims().size());
        return found;
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

    /**
     * Customers write in about the need until the messages are spent, each case opened by its first message at a
     * random moment in the period, with up to two follow-ups an hour apart; returns the cases opened.
     */
    private int contact(NeedId need, List<CustomerId> cohort, List<CustomerId> others, int count, Instant from,
            Instant to) {
        ProgressBar bar = new ProgressBar(out, "Recording contacts", count);
        int minutes = (int) Duration.between(from, to).toMinutes();
        int[] made = { 0, 0 };
        while (made[0] < count) {
            transaction.executeWithoutResult(status -> {
                for (int n = 0; n < BATCH / 2 && made[0] < count; n++) {
                    List<CustomerId> group = random.nextInt(10) < 7 ? cohort : others;
                    CustomerId who = group.get(random.nextInt(group.size()));
                    Instant opened = to.minus(Duration.ofMinutes(random.nextInt(minutes)));
                    String text = OPENINGS[random.nextInt(OPENINGS.length)] + " (message " + made[0] + ").";
                    CaseId id = contacts.record(new NewContact(who, null, Channel.EMAIL, Direction.INBOUND, opened,
                            "App crash", text, null, null, need, null)).contact().caseId();
                    int messages = Math.min(1 + random.nextInt(3), count - made[0]);
                    for (int m = 1; m < messages; m++) {
                        contacts.record(new NewContact(who, id, Channel.EMAIL, Direction.INBOUND,
                                opened.plus(Duration.ofHours(m)), "Re: App crash", "Still crashing, try " + m + ".",
                                null, null, null, null));
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

package io.repdesk.eval;

import java.io.PrintStream;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.NewCase;
import io.repdesk.casework.Priority;
import io.repdesk.casework.ServiceCalendar;
import io.repdesk.casework.SlaReport;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.ContactId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.ProgressBar;

/**
 * {@code repdesk bench sla}: opens N cases over the last 30 days through casework (some answered,
 * some waiting on the customer, some resolved), with a formal and an informal SLA policy on a Berlin
 * business-hours calendar, then times three passes over every open case ({@link SlaManagement#recomputeAll()}),
 * three passes as the SLA monitor runs them ({@link SlaManagement#recompute()}: the cases that changed or came
 * due), and the SLA report over the 30 days.
 */
@Component
@ConditionalOnProperty(name = "repdesk.command", havingValue = "bench-sla")
class SlaBenchmark implements ApplicationRunner {

    private static final int CUSTOMERS = 1_000;
    private static final int PASSES = 3;
    private static final int REPORT_WARM_UP = 3;
    private static final int REPORTS = 20;

    private final CaseManagement cases;
    private final CustomerManagement customers;
    private final SlaManagement sla;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final int count;
    private final PrintStream out = System.out;

    SlaBenchmark(CaseManagement cases, CustomerManagement customers, SlaManagement sla,
            TransactionTemplate transaction, Clock clock, @Value("${repdesk.eval.cases:100000}") int count) {
        this.cases = cases;
        this.customers = customers;
        this.sla = sla;
        this.transaction = transaction;
        this.clock = clock;
        this.count = count;
    }

    @Override
    public void run(ApplicationArguments args) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("benchmark", null, List.of()));
        policies();
        List<CustomerId> people = customers();
        openCases(people);
        List<Double> seconds = new ArrayList<>();
        SlaManagement.Recomputed last = null;
        for (int pass = 1; pass <= PASSES; pass++) {
            long t0 = System.nanoTime();
            last = sla.recomputeAll();
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.add(s);
            out.printf(Locale.ROOT, "Pass %d over every open case: %,d cases in %.2f s (%,d at risk, %,d breached,"
                    + " %,d new breaches)%n", pass, last.cases(), s, last.atRisk(), last.breached(), last.newBreaches());
        }
        double median = Metrics.median(seconds);
        // the passes the SLA monitor runs: only the cases that changed or whose warning or due moment came
        List<Double> incremental = new ArrayList<>();
        List<Integer> incrementalCases = new ArrayList<>();
        for (int pass = 1; pass <= PASSES; pass++) {
            long t0 = System.nanoTime();
            SlaManagement.Recomputed result = sla.recompute();
            double s = (System.nanoTime() - t0) / 1e9;
            incremental.add(s);
            incrementalCases.add(result.cases());
            out.printf(Locale.ROOT, "Pass %d of the monitor: %,d cases changed or came due, evaluated in %.3f s%n",
                    pass, result.cases(), s);
        }
        long f0 = System.nanoTime();
        int folded = sla.foldReportCounts();
        double foldSeconds = (System.nanoTime() - f0) / 1e9;
        LocalDate to = LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC);
        LocalDate from = to.minusDays(30);
        List<Double> reportMillis = new ArrayList<>();
        SlaReport report = null;
        for (int i = 0; i < REPORT_WARM_UP + REPORTS; i++) {
            long t0 = System.nanoTime();
            report = sla.report(from, to);
            if (i >= REPORT_WARM_UP) {
                reportMillis.add((System.nanoTime() - t0) / 1e6);
            }
        }
        long targets = report == null ? 0 : report.policies().stream().mapToLong(p -> p.firstResponse().decided()
                + p.firstResponse().pending() + p.resolution().decided() + p.resolution().pending()).sum();
        out.printf(Locale.ROOT, "Report: %,d targets of %,d cases in %d weeks after folding %,d count changes in %.2f s;"
                + " p50 %.1f ms, p99 %.1f ms over %d requests%n", targets, count, report == null ? 0
                        : report.weeks().size(), folded, foldSeconds, Metrics.median(reportMillis),
                Metrics.percentile(reportMillis, 99), REPORTS);
        out.println(String.format(Locale.ROOT, "bench sla cases=%d passes=%d median_s=%.2f ms_per_1000=%.1f runs_s=%s"
                + " total_cases=%d report_targets=%d report_p50_ms=%.1f report_p99_ms=%.1f fold_s=%.2f"
                + " incremental_s=%.3f incremental_cases=%s",
                last == null ? 0 : last.cases(), PASSES, median, last == null || last.cases() == 0 ? 0
                        : median * 1e6 / last.cases(),
                String.join("/", seconds.stream().map(v -> String.format(Locale.ROOT, "%.2f", v)).toList()),
                count, targets, Metrics.median(reportMillis), Metrics.percentile(reportMillis, 99), foldSeconds,
                Metrics.median(incremental), String.join("/", incrementalCases.stream().map(String::valueOf).toList())));
    }

    private void policies() {
        Map<DayOfWeek, List<String>> hours = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek day : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY)) {
            hours.put(day, List.of("08:00-12:30", "13:30-18:00"));
        }
        ServiceCalendar calendar = sla.defineCalendar(null, new SlaManagement.NewCalendar("Berlin support", "Europe/Berlin",
                hours, Map.of(LocalDate.parse("2026-12-24"), List.of("08:00-12:00"), LocalDate.parse("2026-12-25"),
                        List.of(), LocalDate.parse("2026-12-26"), List.of())));
        sla.definePolicy(null, new SlaManagement.NewPolicy("Business contract", ServicePolicy.Kind.FORMAL, 1,
                calendar.id(), Duration.ofHours(8), Duration.ofHours(16), Duration.ofHours(80),
                Set.of(CaseStatus.WAITING_ON_CUSTOMER), Duration.ofHours(2),
                new SlaConditions(null, "Business", null, null, null), true));
        sla.definePolicy(null, new SlaManagement.NewPolicy("Team targets", ServicePolicy.Kind.INFORMAL, 1,
                calendar.id(), Duration.ofHours(4), Duration.ofHours(8), Duration.ofHours(40),
                Set.of(CaseStatus.WAITING_ON_CUSTOMER), Duration.ofHours(1), SlaConditions.any(), true));
    }

    private List<CustomerId> customers() {
        List<CustomerId> people = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            for (int i = 0; i < CUSTOMERS; i++) {
                people.add(customers.register(new NewCustomer(null, "Customer " + i, "customer" + i + "@bench.invalid",
                        new EnvironmentProfile(null, null, null, i % 3 == 0 ? "Business" : "Starter", null, Map.of()),
                        null)).id());
            }
        });
        return people;
    }

    private void openCases(List<CustomerId> people) {
        Random random = new Random(11);
        Instant now = clock.instant();
        ProgressBar bar = new ProgressBar(out, "Opening cases", count);
        for (int from = 0; from < count; from += 500) {
            int first = from;
            transaction.executeWithoutResult(status -> {
                for (int i = first; i < Math.min(first + 500, count); i++) {
                    Instant opened = now.minus(Duration.ofMinutes(random.nextInt(30 * 24 * 60)));
                    CaseId id = cases.open(new NewCase(people.get(random.nextInt(people.size())), "Case " + i,
                            Priority.NORMAL, null), opened).id();
                    int shape = random.nextInt(10);
                    if (shape < 5) {
                        cases.contactRecorded(id, ContactId.random(), opened.plus(Duration.ofMinutes(30 + random
                                .nextInt(600))), false, "Reply", "EMAIL");
                    }
                    if (shape < 2) {
                        cases.changeStatus(id, CaseStatus.WAITING_ON_CUSTOMER);
                    } else if (shape < 4) {
                        cases.changeStatus(id, CaseStatus.RESOLVED);
                    }
                }
            });
            bar.update(Math.min(from + 500, count));
        }
        bar.done();
    }
}

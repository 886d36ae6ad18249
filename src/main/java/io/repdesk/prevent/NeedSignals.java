package io.repdesk.prevent;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.HandlingCost;
import io.repdesk.shared.NeedId;

/**
 * Reads the signals of needs from the read model {@link SignalProjector} keeps: nothing is recounted from the cases
 * at read time. Readers in this module call {@link #catchUp()} once before they read, so that what they read
 * includes every change committed before.
 */
@Service
@Transactional(readOnly = true)
public class NeedSignals {

    private final SignalProjector projector;
    private final SignalQueries queries;
    private final HandlingCost cost;
    private final PreventSettings settings;
    private final Clock clock;
    private final CustomerManagement customers;

    NeedSignals(SignalProjector projector, SignalQueries queries, HandlingCost cost, PreventSettings settings,
            Clock clock, CustomerManagement customers) {
        this.customers = customers;
        this.projector = projector;
        this.queries = queries;
        this.cost = cost;
        this.settings = settings;
        this.clock = clock;
    }

    /** The need's signals now. */
    public Signals of(NeedId need) {
        catchUp();
        return read(need, clock.instant());
    }

    /** Applies the journal entries the read model lacks. */
    void catchUp() {
        projector.catchUpIfBehind();
    }

    Signals read(NeedId need, Instant now) {
        SignalQueries.Totals totals = queries.totals(need);
        List<Evidence.Week> weekly = Signals.weekly(queries.weeks(need, Signals.firstWeekShown(now)), now);
        return new Signals(totals.cases(), totals.contacts(), totals.customers(), weekly, Signals.trend(weekly),
                Signals.cost(cost, totals.minutes(), totals.contacts()),
                queries.repeats(need, Duration.ofDays(settings.repeatDays())),
                Signals.median(queries.resolutions(need)));
    }

    /** The distinct customers who opened the need's cases. */
    Set<CustomerId> customers(NeedId need) {
        return queries.customers(need);
    }

    /** The need's counted cases (merged duplicates left out). */
    List<io.repdesk.shared.CaseId> caseIds(NeedId need) {
        return queries.caseIds(need);
    }

    /** The need's cases opened after the moment, most recent first, at most {@code limit}. */
    List<CaseOpening> openedAfter(NeedId need, Instant after, int limit) {
        return queries.cases(need, after, limit);
    }

    /** Cases opened from the moment on, per need, busiest need first. */
    Map<NeedId, Long> openedSince(Instant since) {
        return queries.openedSince(since);
    }

    /**
     * What each case's customer ran when the case opened, from the environment changes journaled with their moments;
     * the current profile where none was journaled.
     */
    List<RunningVersion> runningWhenOpened(List<CaseOpening> cases) {
        List<@Nullable RunningVersion> found = queries.runningAt(cases.stream().map(CaseOpening::customerId).toList(),
                cases.stream().map(CaseOpening::openedAt).toList());
        List<CustomerId> unknown = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            if (found.get(i) == null) {
                unknown.add(cases.get(i).customerId());
            }
        }
        Map<CustomerId, Customer> current = unknown.isEmpty() ? Map.of() : customers.getAll(unknown);
        List<RunningVersion> running = new ArrayList<>(found.size());
        for (int i = 0; i < found.size(); i++) {
            RunningVersion known = found.get(i);
            running.add(known != null ? known : RunningVersion.of(current.get(cases.get(i).customerId())));
        }
        return running;
    }

    /** The last journal sequence that changed a customer's environment, as far as the read model has applied. */
    long customersChanged() {
        return queries.customersChanged();
    }
}

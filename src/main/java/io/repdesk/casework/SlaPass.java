package io.repdesk.casework;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.sla.Breach;
import io.repdesk.sla.CaseEvent;
import io.repdesk.sla.ClockState;
import io.repdesk.sla.ClockStatus;
import io.repdesk.sla.SlaClocks;
import io.repdesk.sla.SlaEvaluation;
import io.repdesk.sla.SlaPolicy;
import io.repdesk.sla.SlaTarget;

/**
 * The SLA pass ({@link SlaManagement#recompute}): evaluates the clocks of the cases that changed, of the open cases
 * whose warning or due moment came, or of every open case, and stores what it found.
 */
@Component
class SlaPass {

    /**
     * How many changed cases one pass evaluates at most (a pass after an upgrade finds every closed case recorded
     * before it listed); the rest wait for the next pass.
     */
    static final int CHANGED_PER_PASS = 100_000;

    /** Cases evaluated per transaction. */
    private static final int PAGE = 1_000;

    /** The targets the SLA report counts. */
    private static final List<SlaTarget> REPORTED = List.of(SlaTarget.FIRST_RESPONSE, SlaTarget.RESOLUTION);

    private final SlaStore store;
    private final CaseActivity activity;
    private final Cases cases;
    private final CustomerManagement customers;
    private final Journal journal;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final CaseworkSettings settings;

    SlaPass(SlaStore store, CaseActivity activity, Cases cases, CustomerManagement customers, Journal journal,
            Clock clock, PlatformTransactionManager transactionManager, CaseworkSettings settings) {
        this.store = store;
        this.activity = activity;
        this.cases = cases;
        this.customers = customers;
        this.journal = journal;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = settings;
    }

    /** Runs one pass; {@code everyOpenCase} evaluates every open case whatever changed. */
    SlaManagement.Recomputed run(boolean everyOpenCase) {
        Instant now = clock.instant();
        List<ServicePolicy> policies = store.policies().stream().filter(ServicePolicy::active).toList();
        String fingerprint = store.policyFingerprint();
        boolean full = everyOpenCase || store.lastFullPass().filter(last -> last.fingerprint().equals(fingerprint)
                && last.at().plus(settings.slaFullPass()).isAfter(now)).isEmpty();
        Map<CustomerId, SlaManagement.CustomerFacts> customerCache = new HashMap<>();
        int[] totals = new int[4];
        // the changed cases first, remembered so that a full pass does not evaluate them twice
        Set<CaseId> changed = new java.util.HashSet<>();
        for (int taken = 0; taken < CHANGED_PER_PASS; ) {
            Integer page = transactions.execute(status -> {
                List<CaseId> ids = store.takeChangedCases(PAGE);
                recomputePage(ids, policies, customerCache, now, totals);
                if (full) {
                    changed.addAll(ids);
                }
                return ids.size();
            });
            if (page == null || page == 0) {
                break;
            }
            taken += page;
        }
        if (full) {
            CaseId after = null;
            List<CaseId> page;
            while (!(page = store.openCases(after, PAGE)).isEmpty()) {
                List<CaseId> ids = page.stream().filter(id -> !changed.contains(id)).toList();
                transactions.executeWithoutResult(status -> recomputePage(ids, policies, customerCache, now, totals));
                after = page.getLast();
            }
            store.fullPassDone(fingerprint, now);
        } else {
            SlaStore.DueMark after = null;
            List<SlaStore.DueMark> page;
            while (!(page = store.casesDue(now, after, PAGE)).isEmpty()) {
                List<CaseId> ids = page.stream().map(SlaStore.DueMark::id).toList();
                transactions.executeWithoutResult(status -> recomputePage(ids, policies, customerCache, now, totals));
                after = page.getLast();
            }
        }
        return new SlaManagement.Recomputed(full, totals[0], totals[1], totals[2], totals[3]);
    }

    private void recomputePage(List<CaseId> page, List<ServicePolicy> policies,
            Map<CustomerId, SlaManagement.CustomerFacts> customerCache, Instant now, int[] totals) {
        if (page.isEmpty()) {
            return; // most passes find no changed case: no statement for none
        }
        Map<CaseId, List<CaseActivity.Entry>> activities = activity.of(page);
        Map<CaseId, SupportCase> found = cases.findAll(page);
        Set<String> recorded = new java.util.HashSet<>();
        Set<SlaStore.BreachedTarget> breachedTargets = new java.util.HashSet<>();
        store.recordedBreaches(page, recorded, breachedTargets);
        Map<SlaOutcome.Key, SlaOutcome> stored = store.outcomes(page);
        List<SlaOutcome> changed = new ArrayList<>();
        Set<CaseId> evaluated = new java.util.HashSet<>();
        List<SlaStore.Computed> computed = new ArrayList<>(page.size());
        for (CaseId id : page) {
            SupportCase c = found.get(id);
            List<CaseEvent> timeline = c == null ? List.of() : SlaManagement.timeline(activities.getOrDefault(id, List.of()));
            if (timeline.isEmpty()) {
                continue;
            }
            SlaManagement.CustomerFacts customer = customerCache.computeIfAbsent(c.customerId(), this::facts);
            Instant nextDue = null;
            Instant checkAt = null;
            boolean risk = false;
            boolean late = false;
            for (ServicePolicy p : SlaManagement.applying(c, customer, policies)) {
                SlaEvaluation evaluation = SlaClocks.evaluate(p.policy(), timeline, now);
                for (ClockState clockState : evaluation.clocks().values()) {
                    risk |= clockState.status() == ClockStatus.WARNING;
                    late |= clockState.status() == ClockStatus.BREACHED;
                    if (clockState.dueAt() != null && (clockState.status() == ClockStatus.RUNNING
                            || clockState.status() == ClockStatus.WARNING)
                            && (nextDue == null || clockState.dueAt().isBefore(nextDue))) {
                        nextDue = clockState.dueAt();
                    }
                    Instant change = nextChange(p.policy(), clockState, now);
                    if (change != null && (checkAt == null || change.isBefore(checkAt))) {
                        checkAt = change;
                    }
                }
                for (Breach breach : evaluation.breaches()) {
                    if (!recorded.contains(SlaStore.breachKey(id, p.id(), breach.target(), breach.breachedAt()))
                            && store.recordBreach(id, p.id(), breach, now)) {
                        totals[3]++;
                        journal.append("case", id.value(), "SlaBreached", Map.of("policy", p.name(), "target",
                                breach.target(), "breachedAt", breach.breachedAt().toString()));
                    }
                    breachedTargets.add(new SlaStore.BreachedTarget(id, p.id(), breach.target()));
                }
                for (SlaTarget target : REPORTED) {
                    if (!p.policy().targets().containsKey(target)) {
                        continue;
                    }
                    SlaOutcome.Kind kind = SlaOutcome.of(evaluation, target,
                            breachedTargets.contains(new SlaStore.BreachedTarget(id, p.id(), target)));
                    if (kind != null) {
                        SlaOutcome outcome = new SlaOutcome(id, p.id(), target,
                                LocalDate.ofInstant(c.openedAt(), ZoneOffset.UTC), c.teamId(), kind);
                        if (!outcome.equals(stored.remove(outcome.key()))) {
                            changed.add(outcome);
                        }
                    }
                }
            }
            evaluated.add(id);
            computed.add(new SlaStore.Computed(id, nextDue, risk, late, checkAt));
            totals[0]++;
            totals[1] += risk ? 1 : 0;
            totals[2] += late ? 1 : 0;
        }
        store.saveComputed(computed, now);
        // What is still stored for an evaluated case is no longer owed (a policy stopped applying, or was deactivated).
        store.saveOutcomes(changed, stored.keySet().stream().filter(k -> evaluated.contains(k.caseId())).toList());
    }

    /**
     * When time alone next changes the clock: a counting clock turns to a warning when its remaining business time
     * reaches the policy's warning lead, and breaches once its due moment has passed; a paused, met, breached or
     * stopped clock changes only with the case. Null when nothing will change by itself.
     */
    static @Nullable Instant nextChange(SlaPolicy policy, ClockState clockState, Instant now) {
        Instant due = clockState.dueAt();
        if (due == null) {
            return null;
        }
        return switch (clockState.status()) {
            case WARNING -> due;
            case RUNNING -> {
                Duration untilWarning = clockState.remaining().minus(policy.warningLead());
                if (!policy.warningLead().isPositive() || !untilWarning.isPositive()) {
                    yield due;
                }
                Instant warning = policy.calendar().addBusinessTime(now, untilWarning);
                yield warning.isBefore(due) ? warning : due;
            }
            default -> null;
        };
    }

    private SlaManagement.CustomerFacts facts(CustomerId id) {
        return SlaManagement.CustomerFacts.of(customers.get(id), customers::organization);
    }
}

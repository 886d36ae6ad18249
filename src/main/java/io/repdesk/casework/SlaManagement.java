package io.repdesk.casework;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.Organization;
import io.repdesk.journal.Changes;
import io.repdesk.journal.Journal;
import io.repdesk.shared.CalendarId;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.sla.Breach;
import io.repdesk.sla.BusinessCalendar;
import io.repdesk.sla.CaseEvent;
import io.repdesk.sla.CaseState;
import io.repdesk.sla.ClockState;
import io.repdesk.sla.ClockStatus;
import io.repdesk.sla.OpeningHours;
import io.repdesk.sla.SlaClocks;
import io.repdesk.sla.SlaEvaluation;
import io.repdesk.sla.SlaPolicy;
import io.repdesk.sla.SlaTarget;

/**
 * Business-hours calendars and SLA policies, and the clocks they set on cases: computed from each
 * case's activity whenever asked, and for every open case by {@link SlaMonitor}, which also records
 * every breach once and stores each case's outcomes for the SLA report. Every change to a calendar or policy is
 * journaled.
 */
@Service
@Transactional(readOnly = true)
public class SlaManagement {

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
    private final SlaReporting reporting;
    private final TransactionTemplate transactions;
    private final CaseworkSettings settings;

    SlaManagement(SlaStore store, CaseActivity activity, Cases cases, CustomerManagement customers, Journal journal,
            Clock clock, SlaReporting reporting, PlatformTransactionManager transactionManager,
            CaseworkSettings settings) {
        this.settings = settings;
        this.reporting = reporting;
        this.transactions = new TransactionTemplate(transactionManager);
        this.store = store;
        this.activity = activity;
        this.cases = cases;
        this.customers = customers;
        this.journal = journal;
        this.clock = clock;
    }

    /**
     * A calendar to define or replace.
     *
     * @param hours opening hours per weekday as {@code "09:00-17:00"} ranges
     * @param specialDays dates with other hours; an empty list is a holiday
     */
    public record NewCalendar(String name, String zone, Map<DayOfWeek, List<String>> hours,
            Map<LocalDate, List<String>> specialDays) {
    }

    /**
     * A policy to define or replace; a target left null is not tracked.
     *
     * @param rank lower ranks are tried first when several policies match a case
     * @param pauseIn statuses during which the clocks stop counting
     * @param warning business time before a breach from which a clock warns
     */
    public record NewPolicy(String name, ServicePolicy.Kind kind, int rank, CalendarId calendarId,
            @Nullable Duration firstResponse, @Nullable Duration nextResponse, @Nullable Duration resolution,
            Set<CaseStatus> pauseIn, Duration warning, SlaConditions conditions, boolean active) {
    }

    /** A policy's clocks on one case. */
    public record PolicyClocks(ServicePolicy policy, String calendar, SlaEvaluation evaluation) {
    }

    /** A case's SLA: the policies that apply and their clocks now, and every breach recorded so far. */
    public record CaseSla(List<PolicyClocks> policies, List<SlaBreach> breaches) {

        public boolean isEmpty() {
            return policies.isEmpty();
        }
    }

    @Transactional
    public ServiceCalendar defineCalendar(@Nullable CalendarId id, NewCalendar request) {
        CalendarId calendarId = id == null ? CalendarId.random() : id;
        if (id != null && store.calendar(id).isEmpty()) {
            throw new io.repdesk.shared.NotFound("calendar", id);
        }
        Map<DayOfWeek, List<OpeningHours>> weekly = new EnumMap<>(DayOfWeek.class);
        request.hours().forEach((day, ranges) -> weekly.put(day, ranges.stream().map(OpeningHours::parse).toList()));
        Map<LocalDate, List<OpeningHours>> special = new LinkedHashMap<>();
        request.specialDays().forEach((date, ranges) -> special.put(date,
                ranges.stream().map(OpeningHours::parse).toList()));
        BusinessCalendar calendar = new BusinessCalendar(request.name().strip(), BusinessCalendar.zone(request.zone()),
                weekly, special);
        if (store.calendarNameTaken(calendar.name(), calendarId)) {
            throw new InvalidInput("name", "is already the name of another calendar");
        }
        ServiceCalendar saved = new ServiceCalendar(calendarId, calendar);
        Map<String, Object> before = id == null ? Map.of() : facts(store.calendar(id).orElseThrow().calendar());
        store.save(saved, clock.instant());
        Map<String, Object> facts = Changes.withBefore(facts(calendar), before);
        journal.append("calendar", calendarId.value(), id == null ? "CalendarDefined" : "CalendarChanged", facts);
        return saved;
    }

    @Transactional
    public ServicePolicy definePolicy(@Nullable SlaPolicyId id, NewPolicy request) {
        SlaPolicyId policyId = id == null ? SlaPolicyId.random() : id;
        if (id != null && store.policies().stream().noneMatch(p -> p.id().equals(id))) {
            throw new io.repdesk.shared.NotFound("SLA policy", id);
        }
        ServiceCalendar calendar = store.calendar(request.calendarId())
                .orElseThrow(() -> new InvalidInput("calendarId", "names no calendar"));
        Map<SlaTarget, Duration> targets = new EnumMap<>(SlaTarget.class);
        if (request.firstResponse() != null) {
            targets.put(SlaTarget.FIRST_RESPONSE, request.firstResponse());
        }
        if (request.nextResponse() != null) {
            targets.put(SlaTarget.NEXT_RESPONSE, request.nextResponse());
        }
        if (request.resolution() != null) {
            targets.put(SlaTarget.RESOLUTION, request.resolution());
        }
        Set<CaseState> paused = EnumSet.noneOf(CaseState.class);
        request.pauseIn().forEach(s -> paused.add(state(s)));
        SlaPolicy policy = new SlaPolicy(request.name().strip(), calendar.calendar(), targets, paused,
                request.warning());
        if (store.policyNameTaken(policy.name(), policyId)) {
            throw new InvalidInput("name", "is already the name of another SLA policy");
        }
        ServicePolicy saved = new ServicePolicy(policyId, request.kind(), request.rank(), calendar.id(), policy,
                request.conditions(), request.active());
        Map<String, Object> before = id == null ? Map.of() : store.policies().stream()
                .filter(p -> p.id().equals(id)).findFirst().map(this::facts).orElseThrow();
        store.save(saved, clock.instant());
        Map<String, Object> facts = Changes.withBefore(facts(saved), before);
        journal.append("sla-policy", policyId.value(), id == null ? "SlaPolicyDefined" : "SlaPolicyChanged", facts);
        return saved;
    }

    private static Map<String, Object> facts(BusinessCalendar calendar) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", calendar.name());
        facts.put("zone", calendar.zone().getId());
        facts.put("hours", calendar.weeklyHours().toString());
        facts.put("specialDays", calendar.specialDays().toString());
        return facts;
    }

    private Map<String, Object> facts(ServicePolicy p) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("name", p.policy().name());
        facts.put("kind", p.kind());
        facts.put("rank", p.rank());
        facts.put("calendar", store.calendar(p.calendarId()).map(c -> c.name()).orElse(""));
        facts.put("targets", new java.util.TreeMap<>(p.policy().targets()).toString());
        facts.put("pauseIn", new java.util.TreeSet<>(p.policy().pausedIn()).toString());
        facts.put("warning", p.policy().warningLead().toString());
        facts.put("conditions", p.conditions().toString());
        facts.put("active", p.active());
        return facts;
    }

    public List<ServiceCalendar> calendars() {
        return store.calendars();
    }

    public Optional<ServiceCalendar> calendar(CalendarId id) {
        return store.calendar(id);
    }

    /** Every policy, by rank then name. */
    public List<ServicePolicy> policies() {
        return store.policies();
    }

    public Optional<ServicePolicy> policy(SlaPolicyId id) {
        return store.policies().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /**
     * How often each policy's first-response and resolution targets were met for the cases opened from
     * {@code from} to {@code to} (UTC dates, both included), per week of opening and per team.
     *
     * <p>It reads what the SLA pass ({@link #recompute}, every minute by default) stored for each case: open
     * cases are evaluated on every pass, a case that stops being open once more, so a case's figures are those of
     * the policies that applied to it when the pass last evaluated it (a policy changed later counts for the
     * cases still open, and leaves closed cases as they ended), and the team holding it then. A target counts as
     * <em>met</em> when its clock ended on time; as <em>missed</em> when it ended late, is breached, or a breach
     * of that policy and target is recorded for the case (so a later, looser policy does not erase a recorded
     * breach); as <em>pending</em> while it still counts or is paused. A clock stopped by a resolution that needed
     * no reply is not counted. Counts per policy, day, team, target and outcome are kept as the outcomes change,
     * so the report costs the same for any number of cases (a few rows per day of its range).
     *
     * @throws InvalidInput when {@code to} is before {@code from} or the range is over a year
     */
    public SlaReport report(LocalDate from, LocalDate to) {
        return reporting.report(from, to);
    }

    /**
     * Folds the changes to the SLA outcome counts into the report's tallies (the count-folding job does this
     * every half minute; the report adds what is not folded yet); returns how many changes it folded.
     */
    @Transactional
    public int foldReportCounts() {
        return store.foldTallies();
    }

    /** The case's SLA clocks as of now. */
    public CaseSla slaOf(CaseId id) {
        SupportCase supportCase = cases.find(id).orElseThrow(() -> new io.repdesk.shared.NotFound("case", id));
        Instant now = clock.instant();
        List<CaseEvent> timeline = timeline(activity.of(id));
        if (timeline.isEmpty()) {
            return new CaseSla(List.of(), store.breaches(id));
        }
        Map<CalendarId, String> calendarNames = new HashMap<>();
        store.calendars().forEach(c -> calendarNames.put(c.id(), c.name()));
        List<PolicyClocks> clocks = new ArrayList<>();
        for (ServicePolicy p : applying(supportCase, facts(supportCase.customerId()), store.policies())) {
            clocks.add(new PolicyClocks(p, calendarNames.getOrDefault(p.calendarId(), ""),
                    SlaClocks.evaluate(p.policy(), timeline, now)));
        }
        return new CaseSla(clocks, store.breaches(id));
    }

    /**
     * What one pass found.
     *
     * @param full whether it evaluated every open case
     * @param cases the cases it evaluated (changed ones, those whose warning or due moment came, or all open ones)
     * @param atRisk of those, the ones with a clock in its warning lead
     * @param breached of those, the ones with a breached clock
     * @param newBreaches breaches it recorded
     */
    public record Recomputed(boolean full, int cases, int atRisk, int breached, int newBreaches) {
    }

    /**
     * The SLA pass: evaluates the clocks of the cases that changed since they were last evaluated (their case row or
     * activity, open or not) and of the open cases whose warning or due moment has come, stores for each the next due
     * moment, whether it is at risk or breached, when time alone next changes its clocks and its outcomes for the
     * report, and records each breach once. Every open case is evaluated instead when the policies or calendars
     * changed since the last such pass, or when that pass is older than {@code repdesk.casework.sla-full-pass}.
     * Works a thousand cases at a time, each page in its own short transaction with a handful of statements; at most
     * {@value #CHANGED_PER_PASS} changed cases a pass (the rest wait for the next).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Recomputed recompute() {
        return pass(false);
    }

    /** The SLA pass over every open case (besides the changed ones), whatever changed. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Recomputed recomputeAll() {
        return pass(true);
    }

    private Recomputed pass(boolean everyOpenCase) {
        Instant now = clock.instant();
        List<ServicePolicy> policies = store.policies().stream().filter(ServicePolicy::active).toList();
        String fingerprint = store.policyFingerprint();
        boolean full = everyOpenCase || store.lastFullPass().filter(last -> last.fingerprint().equals(fingerprint)
                && last.at().plus(settings.slaFullPass()).isAfter(now)).isEmpty();
        Map<CustomerId, CustomerFacts> customerCache = new HashMap<>();
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
        return new Recomputed(full, totals[0], totals[1], totals[2], totals[3]);
    }

    private void recomputePage(List<CaseId> page, List<ServicePolicy> policies,
            Map<CustomerId, CustomerFacts> customerCache, Instant now, int[] totals) {
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
            List<CaseEvent> timeline = c == null ? List.of() : timeline(activities.getOrDefault(id, List.of()));
            if (timeline.isEmpty()) {
                continue;
            }
            CustomerFacts customer = customerCache.computeIfAbsent(c.customerId(), this::facts);
            Instant nextDue = null;
            Instant checkAt = null;
            boolean risk = false;
            boolean late = false;
            for (ServicePolicy p : applying(c, customer, policies)) {
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

    /** What policy conditions look at about a customer: the organization, and the plan (theirs, else the organization's). */
    record CustomerFacts(@Nullable OrganizationId organizationId, @Nullable String plan) {

        static CustomerFacts of(Customer customer, Function<OrganizationId, Organization> organizations) {
            String plan = customer.environment().plan();
            if ((plan == null || plan.isBlank()) && customer.organizationId() != null) {
                plan = organizations.apply(customer.organizationId()).plan();
            }
            return new CustomerFacts(customer.organizationId(), plan);
        }
    }

    CustomerFacts facts(CustomerId id) {
        return CustomerFacts.of(customers.get(id), customers::organization);
    }

    /** The active policies that apply: the first matching formal one and the first matching informal one. */
    static List<ServicePolicy> applying(SupportCase c, CustomerFacts customer, List<ServicePolicy> policies) {
        List<ServicePolicy> chosen = new ArrayList<>();
        for (ServicePolicy.Kind kind : ServicePolicy.Kind.values()) {
            policies.stream().filter(p -> p.active() && p.kind() == kind)
                    .filter(p -> p.conditions().matches(c, customer.organizationId(), customer.plan()))
                    .findFirst().ifPresent(chosen::add);
        }
        return chosen;
    }

    /** The case's activity as the SLA engine reads it; anything dated before the opening counts from it. */
    static List<CaseEvent> timeline(List<CaseActivity.Entry> entries) {
        List<CaseEvent> events = new ArrayList<>();
        Instant opened = null;
        for (CaseActivity.Entry e : entries) {
            if (e.kind() == CaseActivity.Kind.OPENED) {
                if (opened == null) {
                    opened = e.at();
                    events.add(CaseEvent.created(opened));
                }
                continue;
            }
            if (opened == null) {
                continue;
            }
            Instant at = e.at().isBefore(opened) ? opened : e.at();
            switch (e.kind()) {
                case STATUS -> events.add(CaseEvent.statusChanged(at, state(e.status())));
                case CUSTOMER_MESSAGE -> events.add(CaseEvent.customerMessage(at));
                case AGENT_REPLY -> events.add(CaseEvent.agentReply(at));
                default -> {
                }
            }
        }
        events.sort(java.util.Comparator.comparing(CaseEvent::at));
        return events;
    }

    private static CaseState state(@Nullable CaseStatus status) {
        return CaseState.valueOf((status == null ? CaseStatus.OPEN : status).name());
    }
}

package io.repdesk.casework;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
import org.springframework.transaction.annotation.Transactional;

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
import io.repdesk.sla.BusinessCalendar;
import io.repdesk.sla.CaseEvent;
import io.repdesk.sla.CaseState;
import io.repdesk.sla.OpeningHours;
import io.repdesk.sla.SlaClocks;
import io.repdesk.sla.SlaEvaluation;
import io.repdesk.sla.SlaPolicy;
import io.repdesk.sla.SlaTarget;

/**
 * Business-hours calendars and SLA policies, and the clocks they set on cases: computed from each
 * case's activity whenever asked, and by the SLA pass ({@link SlaPass}, run by {@link SlaMonitor}) for the cases
 * that changed or came due, which also records every breach once and stores each case's outcomes for the SLA
 * report. Every change to a calendar or policy is journaled.
 */
@Service
@Transactional(readOnly = true)
public class SlaManagement {

    private final SlaStore store;
    private final CaseActivity activity;
    private final Cases cases;
    private final CustomerManagement customers;
    private final Journal journal;
    private final Clock clock;
    private final SlaReporting reporting;
    private final SlaPass pass;

    SlaManagement(SlaStore store, CaseActivity activity, Cases cases, CustomerManagement customers, Journal journal,
            Clock clock, SlaReporting reporting, SlaPass pass) {
        this.store = store;
        this.activity = activity;
        this.cases = cases;
        this.customers = customers;
        this.journal = journal;
        this.clock = clock;
        this.reporting = reporting;
        this.pass = pass;
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
     * {@value SlaPass#CHANGED_PER_PASS} changed cases a pass (the rest wait for the next).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Recomputed recompute() {
        return pass.run(false);
    }

    /** The SLA pass over every open case (besides the changed ones), whatever changed. */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public Recomputed recomputeAll() {
        return pass.run(true);
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

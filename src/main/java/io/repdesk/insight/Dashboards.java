package io.repdesk.insight;

import java.util.List;

import org.springframework.stereotype.Service;

import io.repdesk.shared.HandlingCost;

/** Answers the dashboards from the rollups alone; the handling cost prices the agent minutes they count. */
@Service
public class Dashboards {

    /** The lifecycle stages in line order, with triage (work not yet linked to a need) first. */
    public static final List<String> STAGES = List.of("TRIAGE", "RESPOND", "EMPOWER", "PREVENT", "ELIMINATED");

    /** Needs listed in each "top" table. */
    static final int TOP = 10;

    private final InsightQueries queries;
    private final DemandQueries demand;
    private final CustomerQueries customers;
    private final SatisfactionQueries satisfaction;
    private final HandlingCost cost;

    Dashboards(InsightQueries queries, DemandQueries demand, CustomerQueries customers,
            SatisfactionQueries satisfaction, HandlingCost cost) {
        this.satisfaction = satisfaction;
        this.queries = queries;
        this.demand = demand;
        this.customers = customers;
        this.cost = cost;
    }

    /** Organizations against the peers on their plan and of their size, most over the peer median first. */
    public Peers peers(InsightFilter filter) {
        return new Peers(customers.peers(filter));
    }

    /** Feedback and suggestions per product area and need, week by week. */
    public Listening listening(InsightFilter filter) {
        return demand.listening(filter);
    }

    /** SLA attainment, first-contact resolution, reopen rate and backlog age per team and per agent. */
    public TeamMetrics teamMetrics(InsightFilter filter) {
        return customers.caseMetrics(filter);
    }

    /** Survey answers per need, team and agent, and how the scores spread. */
    public Satisfaction satisfaction(InsightFilter filter) {
        return satisfaction.inRange(filter);
    }

    /** One customer's cases, needs, breaches and satisfaction, from the read models. */
    public CustomerView customer(io.repdesk.shared.CustomerId customer) {
        CustomerView view = customers.customer(customer.value());
        Satisfaction.Row answered = satisfaction.ofCustomer(customer.value());
        return new CustomerView(view.cases(), view.openCases(), view.breaches(), view.reopened(), view.needs(),
                answered.answers() == 0 ? null : answered.averageRounded(), answered.answers(), view.goodwill());
    }

    public Demand demand(InsightFilter filter) {
        DemandQueries.ByClass byClass = demand.byClass(filter);
        List<Demand.ClassTotal> totals = byClass.totals();
        long contacts = totals.stream().mapToLong(Demand.ClassTotal::contacts).sum();
        long minutes = totals.stream().mapToLong(Demand.ClassTotal::minutes).sum();
        List<Demand.ClassTotal> priced = totals.stream().map(t -> new Demand.ClassTotal(t.demandClass(), t.contacts(),
                share(t.contacts(), contacts), t.minutes(), cost.price(t.minutes()), share(t.minutes(), minutes),
                t.repeats(), cost.price(t.repeats() * cost.minutes("ContactRecorded", true)))).toList();
        return new Demand(byClass.weeks(), priced, priced(demand.topNeeds(filter, "VALUE_ERODING", false, TOP)),
                priced(demand.topNeeds(filter, "ROUTINE", true, TOP)), demand.teams(filter).stream()
                        .map(t -> new Demand.TeamLoad(t.team(), t.valueAddingContacts(), t.contacts(),
                                t.valueAddingMinutes(), cost.price(t.valueAddingMinutes()), t.valueAddingShare()))
                        .toList(), cost.currency());
    }

    private List<Demand.NeedLoad> priced(List<Demand.NeedLoad> needs) {
        return needs.stream().map(n -> new Demand.NeedLoad(n.needId(), n.title(), n.contacts(), n.repeats(),
                n.minutes(), cost.price(n.minutes()), n.selfService(), n.portalShare())).toList();
    }

    private static double share(long part, long whole) {
        return whole == 0 ? 0 : Math.round(1000.0 * part / whole) / 10.0;
    }

    public AssemblyLine assemblyLine(InsightFilter filter) {
        List<AssemblyLine.StageWork> work = queries.workPerStage(filter).stream()
                .map(w -> new AssemblyLine.StageWork(w.stage(), w.contacts(), w.repeats(), w.minutes(),
                        cost.price(w.minutes())))
                .sorted(java.util.Comparator.comparingInt(w -> STAGES.indexOf(w.stage())))
                .toList();
        return new AssemblyLine(queries.needsPerStage(filter), queries.movesPerWeek(filter),
                queries.timeInStage(filter), work, queries.needsPerMonth(filter), cost.currency());
    }
}

package io.repdesk.web.insight;

import org.springframework.ui.Model;

import io.repdesk.insight.Dashboards;

/** What every dashboard page puts in its model: the filter bar's state and the dashboard tabs. */
final class Dashboard {

    private Dashboard() {
    }

    static void describe(Model model, DashboardFilter filter, String active) {
        model.addAttribute("active", active);
        model.addAttribute("filter", filter.values());
        model.addAttribute("errors", filter.errors());
        model.addAttribute("query", filter.query());
        model.addAttribute("channels", DashboardFilter.CHANNELS);
        model.addAttribute("demandClasses", DashboardFilter.DEMAND_CLASSES);
        model.addAttribute("stages", Dashboards.STAGES);
    }
}

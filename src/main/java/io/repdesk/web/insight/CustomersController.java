package io.repdesk.web.insight;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.insight.Dashboards;
import io.repdesk.insight.Peers;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import tools.jackson.databind.json.JsonMapper;

/** Organizations with more problems than their peers: the retraining candidate list. */
@Controller
@Permits(Permission.VIEW_REPORTS)
class CustomersController {

    private final Dashboards dashboards;
    private final Clock clock;
    private final JsonMapper json;

    CustomersController(Dashboards dashboards, Clock clock, JsonMapper json) {
        this.dashboards = dashboards;
        this.clock = clock;
        this.json = json;
    }

    @GetMapping("/insight/customers")
    String page(@RequestParam Map<String, String> params, Model model) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        Peers peers = dashboards.peers(filter.filter());
        Dashboard.describe(model, filter, "customers");
        model.addAttribute("peers", peers);
        model.addAttribute("ratio", Peers.CANDIDATE_RATIO);
        List<Peers.Organization> shown = peers.organizations().stream().limit(12).toList();
        model.addAttribute("peersChart", json.writeValueAsString(Charts.chart("bar", false,
                shown.stream().map(Peers.Organization::name).toList(), List.of(
                        new Charts.Series("Contacts per seat", shown.stream().map(o -> round(o.perSeat())).toList()),
                        new Charts.Series("Peer median", shown.stream().map(o -> round(o.peerMedian())).toList())))));
        return "insight/customers";
    }

    @GetMapping("/insight/customers/peers.csv")
    ResponseEntity<String> export(@RequestParam Map<String, String> params) {
        DashboardFilter filter = new DashboardFilter(params, clock);
        Peers peers = dashboards.peers(filter.filter());
        return CsvExport.of("customers-peers-" + filter.filter().from() + "-" + filter.filter().to() + ".csv",
                List.of("organization", "plan", "size", "seats", "contacts", "contacts_per_seat", "peer_median",
                        "peers", "ratio", "retraining_candidate", "driving_needs"),
                peers.organizations().stream().map(o -> List.<Object>of(o.name(), o.plan(), o.size(), o.seats(),
                        o.contacts(), round(o.perSeat()), round(o.peerMedian()), o.peerCount(), round(o.ratio()),
                        o.candidate() ? "yes" : "no", o.drivers().stream().map(d -> d.title() + " (" + d.contacts() + ")")
                                .collect(Collectors.joining("; ")))).collect(Collectors.toList()));
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}

package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.QueueEntry;
import io.repdesk.casework.Team;
import io.repdesk.customer.Customer;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.NotFound;
import io.repdesk.shared.Page;
import io.repdesk.shared.PageRequest;
import io.repdesk.shared.TeamId;

/** Each team's queue: its open cases, breached and at-risk SLAs first, then by the next due moment. */
@Controller
@Permits(Permission.VIEW_WORK)
class QueueController {

    static final int PER_PAGE = 50;

    private final EscalationManagement escalations;
    private final CustomerManagement customers;

    QueueController(EscalationManagement escalations, CustomerManagement customers) {
        this.escalations = escalations;
        this.customers = customers;
    }

    /** A team with its open-case count. */
    record TeamRow(Team team, long openCases) {
    }

    /** A queued case with its customer. */
    record QueueRow(QueueEntry entry, Customer customer) {
    }

    @GetMapping("/queues")
    String queues(Model model) {
        Map<TeamId, Long> open = escalations.openByTeam();
        model.addAttribute("teams", escalations.teams().stream()
                .map(t -> new TeamRow(t, open.getOrDefault(t.id(), 0L))).toList());
        return "queues";
    }

    @GetMapping("/queues/{id}")
    String queue(@PathVariable UUID id, @RequestParam(defaultValue = "all") String show,
            @RequestParam(defaultValue = "0") int page, Model model, java.security.Principal agent) {
        TeamId teamId = new TeamId(id);
        Team team = escalations.teams().stream().filter(t -> t.id().equals(teamId)).findFirst()
                .orElseThrow(() -> new NotFound("team", teamId));
        boolean mine = "mine".equals(show);
        Page<QueueEntry> entries = escalations.queue(teamId, mine ? agent.getName() : null,
                new PageRequest(Math.max(page, 0), PER_PAGE));
        Map<CustomerId, Customer> byId = customers.getAll(entries.items().stream()
                .map(e -> e.supportCase().customerId()).toList());
        List<QueueRow> rows = entries.items().stream().filter(e -> byId.containsKey(e.supportCase().customerId()))
                .map(e -> new QueueRow(e, byId.get(e.supportCase().customerId()))).toList();
        model.addAttribute("team", team);
        model.addAttribute("show", mine ? "mine" : "all");
        model.addAttribute("entries", entries);
        model.addAttribute("rows", rows);
        return "queue";
    }
}

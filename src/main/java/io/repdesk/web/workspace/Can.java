package io.repdesk.web.workspace;

import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

import io.repdesk.security.Permission;

/**
 * What the signed-in agent may do, for pages to offer only the actions that would be allowed. The server
 * checks every request anyway; this only keeps buttons away from those who could not use them.
 */
public record Can(boolean viewWork, boolean workCases, boolean editCustomers, boolean shapeNeeds,
        boolean writeKnowledge, boolean viewReports, boolean configure, boolean administer) {

    static Can of(Principal principal) {
        Set<String> held = principal instanceof Authentication authentication
                ? authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet())
                : Set.of();
        return new Can(held.contains(Permission.VIEW_WORK.authority()), held.contains(Permission.WORK_CASES.authority()),
                held.contains(Permission.EDIT_CUSTOMERS.authority()), held.contains(Permission.SHAPE_NEEDS.authority()),
                held.contains(Permission.WRITE_KNOWLEDGE.authority()), held.contains(Permission.VIEW_REPORTS.authority()),
                held.contains(Permission.CONFIGURE_SUPPORT.authority()), held.contains(Permission.ADMINISTER.authority()));
    }

    /** Whether any admin page is open to this agent. */
    public boolean anyAdmin() {
        return configure || administer || viewReports;
    }

    /** The first admin page this agent may open. */
    public String adminHome() {
        return configure ? "/admin/calendars" : administer ? "/admin/agents" : "/admin/sla-report";
    }
}

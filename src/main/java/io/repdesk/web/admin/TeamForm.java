package io.repdesk.web.admin;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.repdesk.casework.EscalationManagement;
import io.repdesk.casework.Team;
import io.repdesk.casework.Tier;
import io.repdesk.shared.InvalidInput;

/**
 * The team form as typed: the agents checked as members ({@code member}, in page order, which is the
 * round-robin order) and those of them checked as available ({@code available}).
 */
record TeamForm(String name, String tier, String assignment, List<String> members, Set<String> available) {

    static final int MAX_NAME = 100;

    static TeamForm blank() {
        return new TeamForm("", Tier.TIER_1.name(), Team.Assignment.MANUAL.name(), List.of(), Set.of());
    }

    static TeamForm of(Team team) {
        Set<String> available = new LinkedHashSet<>();
        team.members().stream().filter(Team.Member::available).forEach(m -> available.add(m.agent()));
        return new TeamForm(team.name(), team.tier().name(), team.assignment().name(),
                team.members().stream().map(Team.Member::agent).toList(), available);
    }

    static TeamForm from(MultiValueMap<String, String> params) {
        return new TeamForm(Forms.text(params, "name"), Forms.text(params, "tier"), Forms.text(params, "assignment"),
                List.copyOf(new LinkedHashSet<>(params.getOrDefault("member", List.of()))),
                new LinkedHashSet<>(params.getOrDefault("available", List.of())));
    }

    /** For the template: whether the agent is checked as a member. */
    public boolean isMember(String agent) {
        return members.contains(agent);
    }

    public boolean isAvailable(String agent) {
        return available.contains(agent);
    }

    /** The request for {@link EscalationManagement#defineTeam}, or null with the reasons put in {@code errors}. */
    EscalationManagement.@Nullable NewTeam toRequest(FieldErrors errors) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.reject("name", "Give the team a name of 1–" + MAX_NAME + " characters");
        }
        Tier teamTier = Forms.choice(Tier.class, tier, "tier", errors);
        Team.Assignment how = Forms.choice(Team.Assignment.class, assignment, "assignment", errors);
        for (String agent : available) {
            if (!members.contains(agent)) {
                errors.reject("members", agent + " is marked available but is not a member: check both or neither");
            }
        }
        List<Team.Member> chosen = new ArrayList<>();
        members.forEach(agent -> chosen.add(new Team.Member(agent, available.contains(agent))));
        return errors.isEmpty() ? new EscalationManagement.NewTeam(name, teamTier, how, chosen) : null;
    }

    /** Where on the form a refusal of the team belongs. */
    static void reject(FieldErrors errors, InvalidInput e) {
        switch (e.field()) {
            case "name" -> errors.reject("name", "Name", e);
            case "members" -> errors.reject("members", "Members", e);
            default -> errors.reject(FieldErrors.FORM, e.getMessage());
        }
    }
}

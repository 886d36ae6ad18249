package io.repdesk.casework;

import java.util.List;

import io.repdesk.shared.TeamId;

/** Agents who work the cases of one tier, and how a case reaching the team finds its assignee. */
public record Team(TeamId id, String name, Tier tier, Assignment assignment, List<Member> members) {

    /** How the team hands out a case that reaches it. */
    public enum Assignment {
        /** Someone picks it up by hand. */
        MANUAL,
        /** The available members in turn. */
        ROUND_ROBIN,
        /** The available member with the fewest open cases. */
        LEAST_LOADED
    }

    /** An agent in the team; only available members are given cases. */
    public record Member(String agent, boolean available) {
    }
}

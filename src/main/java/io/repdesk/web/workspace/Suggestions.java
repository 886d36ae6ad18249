package io.repdesk.web.workspace;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.repdesk.casework.CaseManagement;
import io.repdesk.casework.CaseMatch;
import io.repdesk.casework.Suggestion;
import io.repdesk.need.NeedManagement;
import io.repdesk.need.ServiceNeed;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.NeedId;

/** Matching's suggestions for a case, with the needs' titles, for triage on workspace pages. */
@Component
class Suggestions {

    private final CaseManagement cases;
    private final NeedManagement needs;

    Suggestions(CaseManagement cases, NeedManagement needs) {
        this.cases = cases;
        this.needs = needs;
    }

    /** One suggested need: the need and matching's probability that it is the one, in percent. */
    record Suggested(ServiceNeed need, int percent) {
    }

    /**
     * What triage shows for a case.
     *
     * @param pending the case waits in the matching queue
     * @param newNeedPercent how likely the case is about a need repdesk does not know, in percent
     */
    record Triage(boolean pending, List<Suggested> suggestions, @Nullable Integer newNeedPercent) {

        public @Nullable Suggested best() {
            return suggestions.isEmpty() ? null : suggestions.getFirst();
        }
    }

    Triage of(CaseId id) {
        CaseMatch match = cases.matchOf(id);
        Map<NeedId, ServiceNeed> byId = needs.getAll(match.suggestions().stream().map(Suggestion::needId).toList());
        List<Suggested> suggested = match.suggestions().stream().filter(s -> byId.containsKey(s.needId()))
                .map(s -> new Suggested(byId.get(s.needId()), Math.round(s.confidence() * 100))).toList();
        Integer newNeed = match.newNeedScore() == null ? null : Math.round(match.newNeedScore() * 100);
        return new Triage(match.matchedAt() == null && cases.awaitingMatch(id), suggested, newNeed);
    }
}

package io.repdesk.casework;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What matching last said about a case: candidate needs, best first, and how likely it is new.
 *
 * @param matchedAt null while the case waits to be matched
 */
public record CaseMatch(List<Suggestion> suggestions, @Nullable Float newNeedScore, @Nullable Instant matchedAt) {

    public static CaseMatch pending() {
        return new CaseMatch(List.of(), null, null);
    }
}

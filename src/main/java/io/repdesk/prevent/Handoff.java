package io.repdesk.prevent;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.repdesk.shared.NeedId;

/**
 * A need handed to engineering: who owns the fix, where the issue lives, the versions expected to fix it and
 * what verification found.
 *
 * @param verdict the evidence behind the last verification state, in words
 */
public record Handoff(NeedId needId, String owner, @Nullable String issueUrl, Instant handedOffAt,
        String handedOffBy, Verification verification, @Nullable Instant checkedAt, @Nullable String verdict,
        List<FixVersion> fixes) {

    public Handoff {
        fixes = List.copyOf(fixes);
    }

    /** When the latest fix shipped, or null while none has: verification watches from then on. */
    public @Nullable Instant lastRelease() {
        return fixes.stream().map(FixVersion::releasedAt).filter(java.util.Objects::nonNull).max(Instant::compareTo)
                .orElse(null);
    }
}

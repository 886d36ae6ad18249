package io.repdesk.casework;

import io.repdesk.shared.NeedId;

/** How many open cases a need has; the inbox groups by this. */
public record NeedLoad(NeedId needId, long openCases) {
}

package io.repdesk.casework;

import io.repdesk.shared.NeedId;

/** A need matching proposed for a case, with its probability. */
public record Suggestion(NeedId needId, float confidence) {
}

package io.repdesk.prevent;

import java.util.UUID;

import io.repdesk.shared.NeedId;

/** What the Prevent module publishes. */
public final class PreventEvents {

    private PreventEvents() {
    }

    /** A need was handed to an engineering owner. */
    public record NeedHandedOff(NeedId needId, String owner) {
    }

    /** A version expected to fix a need shipped. */
    public record FixReleased(NeedId needId, UUID fixId, String version) {
    }

    /** Customers on a fixed version still hit the need. */
    public record RegressionDetected(NeedId needId, int cases, String verdict) {
    }

    /** The need was verified gone: no contacts from customers on fixed versions through the window. */
    public record NeedVerifiedEliminated(NeedId needId, String verdict) {
    }

    /** Demand came back after the need was eliminated. */
    public record EliminatedNeedReopened(NeedId needId, int cases) {
    }
}

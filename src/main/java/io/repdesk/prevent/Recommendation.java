package io.repdesk.prevent;

import org.jspecify.annotations.Nullable;

import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import io.repdesk.shared.NeedId;

/**
 * A stage move or demand class repdesk proposes for a need from its signals, for a manager to accept or dismiss.
 *
 * @param reason the signals behind it, in words ("14 cases in 7 days and no published article")
 * @param stage the stage accepting moves the need to, or null when accepting asks for work instead (an article)
 * @param demandClass the class accepting gives the need, or null to keep its class
 */
public record Recommendation(NeedId needId, String needTitle, Kind kind, String reason,
        @Nullable LifecycleStage stage, @Nullable DemandClass demandClass) {

    /** What is proposed. */
    public enum Kind {
        /** Many contacts and no published article: write knowledge so customers can help themselves. */
        CREATE_KNOWLEDGE,
        /** Knowledge is out, yet contacts keep coming at a high cost: hand the cause to engineering. */
        PROPOSE_PREVENTION,
        /** Contacts come back from the same customers: the need erodes value; remove its cause. */
        REMOVE_REPEAT_DEMAND
    }
}

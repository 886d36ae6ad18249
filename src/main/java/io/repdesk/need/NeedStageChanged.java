package io.repdesk.need;

import io.repdesk.shared.NeedId;

/** Published after a need moves to another lifecycle stage. */
public record NeedStageChanged(NeedId needId, LifecycleStage from, LifecycleStage to) {
}

package io.repdesk.need;

import io.repdesk.shared.NeedId;

/** Published (within the merging transaction) when one need is merged into another. */
public record NeedMerged(NeedId source, NeedId target) {
}

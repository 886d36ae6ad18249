package io.repdesk.need;

import io.repdesk.shared.NeedId;

/** Published after a new service need is defined. */
public record NeedDefined(NeedId needId, String title) {
}

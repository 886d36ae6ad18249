/**
 * Insight: analytics read models fed only by the journal. A rollup projector tails {@code journal_event} from a
 * stored position and keeps daily rollups per need, stage, channel, organization and product, so that the
 * dashboards answer from a few thousand rows instead of millions of contacts. The read models are rebuilt from
 * the journal on demand; nothing depends on insight.
 */
@NullMarked
package io.repdesk.insight;

import org.jspecify.annotations.NullMarked;

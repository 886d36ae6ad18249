/**
 * Insight: analytics read models fed only by the journal. A rollup projector tails {@code journal_event} from a
 * stored position and keeps daily rollups per need, stage, channel, organization and product, so that the
 * dashboards answer from a few thousand rows instead of millions of contacts. The read models are rebuilt from
 * the journal on demand. It also runs the satisfaction survey after resolution ({@link io.repdesk.insight.Surveys}),
 * whose invitation the email channel mails and whose answers reach the rollups through the journal.
 */
@NullMarked
package io.repdesk.insight;

import org.jspecify.annotations.NullMarked;

/**
 * Cases: one customer's instance of a need — the thread of contacts with status, priority, tier,
 * assignee and the need it is linked to. Unlinked open cases wait in triage.
 */
@NullMarked
package io.repdesk.casework;

import org.jspecify.annotations.NullMarked;

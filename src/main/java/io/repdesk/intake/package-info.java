/**
 * Structured intake: per category (a need key or product area) and optionally channel, a versioned flow
 * of questions, each with the reason it is asked, shown only when the answers it depends on were given.
 * A case follows one flow; its answers are stored as structured diagnostics ({@code intake_answer}) and
 * the missing required ones can be requested from the customer in one message.
 */
@NullMarked
package io.repdesk.intake;

import org.jspecify.annotations.NullMarked;

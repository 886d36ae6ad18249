/**
 * Prevent: the evidence dataset engineering needs to design a need's cause out (volume, cost, affected customers,
 * environment values over-represented against the customer base and the test environments, verbatims), the
 * hand-off to an engineering owner with expected fix versions, and the check that verifies elimination once a
 * fix ships, or raises a regression alert.
 */
@NullMarked
package io.repdesk.prevent;

import org.jspecify.annotations.NullMarked;

/**
 * Service-level clocks: business calendars (opening hours in a time zone, holidays, daylight-saving
 * days), arithmetic in business time, and the first-response, next-response and resolution clocks of
 * a case computed from its timeline. Pure values and functions of their inputs: no beans, no storage,
 * no clock of its own, so the same timeline and instant always give the same answer.
 */
@NullMarked
package io.repdesk.sla;

import org.jspecify.annotations.NullMarked;

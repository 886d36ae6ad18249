package io.repdesk.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Casework settings.
 *
 * @param reopenWindow a customer reply this soon after a case was resolved reopens it
 * @param slaInterval how often the SLA pass runs: it evaluates the clocks of the cases that changed or whose warning or
 *     due moment came, and records breaches (0: never)
 * @param slaFullPass how often the SLA pass evaluates every open case regardless (besides whenever a policy or
 *     calendar changed): a change to a customer's plan or organization reaches the cases no later than this
 */
@ConfigurationProperties("repdesk.casework")
public record CaseworkSettings(@DefaultValue("7d") Duration reopenWindow, @DefaultValue("1m") Duration slaInterval,
        @DefaultValue("1h") Duration slaFullPass) {
}

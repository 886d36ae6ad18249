package io.repdesk.casework;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Casework settings.
 *
 * @param reopenWindow a customer reply this soon after a case was resolved reopens it
 * @param slaInterval how often every open case's SLA clocks are recomputed and breaches recorded (0: never)
 */
@ConfigurationProperties("repdesk.casework")
public record CaseworkSettings(@DefaultValue("7d") Duration reopenWindow, @DefaultValue("1m") Duration slaInterval) {
}

package io.repdesk.need;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sure matching must be before it acts alone.
 *
 * @param autoLinkConfidence link a case without asking when the best need's probability reaches this
 * @param newNeedThreshold call a contact new when its new-need score reaches this (0.5 keeps about 95% of
 *        contacts about known needs, measured on a split of BANKING77's training set)
 * @param suggestions how many candidate needs triage shows
 */
@ConfigurationProperties("repdesk.need")
public record NeedSettings(@DefaultValue("0.9") float autoLinkConfidence, @DefaultValue("0.5") float newNeedThreshold,
        @DefaultValue("3") int suggestions) {
}

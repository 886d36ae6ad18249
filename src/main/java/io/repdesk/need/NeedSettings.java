package io.repdesk.need;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How sure matching must be before it acts alone.
 *
 * @param autoLinkConfidence link a case without asking when the best need's probability reaches this
 * @param newNeedThreshold call a contact new when its new-need score reaches this
 * @param suggestions how many candidate needs triage shows
 */
@ConfigurationProperties("repdesk.need")
public record NeedSettings(@DefaultValue("0.85") float autoLinkConfidence, @DefaultValue("0.5") float newNeedThreshold,
        @DefaultValue("3") int suggestions) {
}

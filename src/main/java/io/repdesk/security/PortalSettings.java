package io.repdesk.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the customer portal's sign-in.
 *
 * @param baseUrl the address customers reach repdesk at, for the links in sign-in emails; unset, the
 *     address of the request that asked for the link
 * @param linkValidity how long a sign-in link works
 * @param linkRequestsPerHour how many links one address is sent per hour; further requests send nothing
 * @param publicKnowledge whether the portal's help search and public articles are open to anyone (true) or
 *     only to customers signed in to the portal (false)
 */
@ConfigurationProperties("repdesk.portal")
record PortalSettings(@Nullable URI baseUrl, Duration linkValidity, int linkRequestsPerHour,
        @DefaultValue("true") boolean publicKnowledge) {

    PortalSettings {
        linkValidity = linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()
                ? Duration.ofMinutes(15) : linkValidity;
        linkRequestsPerHour = linkRequestsPerHour <= 0 ? 5 : linkRequestsPerHour;
    }
}

package io.repdesk.security;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the customer portal's sign-in.
 *
 * @param baseUrl the address customers reach repdesk at, for the links in sign-in emails; unset, the
 *     address of the request that asked for the link
 * @param linkValidity how long a sign-in link works
 * @param linkRequestsPerHour how many links one address is sent per hour; further requests send nothing
 */
@ConfigurationProperties("repdesk.portal")
record PortalSettings(@Nullable URI baseUrl, Duration linkValidity, int linkRequestsPerHour) {

    PortalSettings {
        linkValidity = linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()
                ? Duration.ofMinutes(15) : linkValidity;
        linkRequestsPerHour = linkRequestsPerHour <= 0 ? 5 : linkRequestsPerHour;
    }
}

package io.repdesk.web.limits;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often one client address may try to sign in (agent form, portal password, portal sign-in link requests and
 * uses) and submit portal requests and replies, each a bucket of {@code N} refilled evenly over its window. The
 * address is the connection's, or the one a trusted proxy forwarded when {@code server.forward-headers-strategy}
 * is set; an {@code X-Forwarded-For} header is ignored otherwise.
 */
@ConfigurationProperties("repdesk.web.limits")
record InputLimitSettings(@DefaultValue("30") int signInsPerAddress, @DefaultValue("10m") Duration signInWindow,
        @DefaultValue("30") int portalPostsPerAddress, @DefaultValue("1h") Duration portalPostWindow) {
}

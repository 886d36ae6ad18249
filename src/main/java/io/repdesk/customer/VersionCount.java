package io.repdesk.customer;

import org.jspecify.annotations.Nullable;

/** How many customers run one version of a product on a platform (either may be unknown). */
public record VersionCount(@Nullable String product, @Nullable String platform, String version, long customers) {
}

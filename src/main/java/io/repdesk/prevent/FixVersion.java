package io.repdesk.prevent;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A version expected to fix a need, for one product and platform (either may be null: any); released once it ships.
 */
public record FixVersion(UUID id, @Nullable String product, @Nullable String platform, String version,
        @Nullable Instant releasedAt, Instant createdAt) {

    public boolean released() {
        return releasedAt != null;
    }

    /** Whether a customer with that environment runs this fix or a later version of it. */
    public boolean covers(@Nullable String customerProduct, @Nullable String customerPlatform,
            @Nullable String customerVersion) {
        if (customerVersion == null || (product != null && !product.equals(customerProduct))
                || (platform != null && !platform.equals(customerPlatform))) {
            return false;
        }
        return Versions.compare(customerVersion, version) >= 0;
    }

    /** The version with its product and platform, as people say it: {@code Android 5.3}. */
    public String label() {
        return ((product == null ? "" : product + " ") + (platform == null ? "" : platform + " ") + version).strip();
    }
}

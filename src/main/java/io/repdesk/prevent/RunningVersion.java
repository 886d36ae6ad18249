package io.repdesk.prevent;

import org.jspecify.annotations.Nullable;

import io.repdesk.customer.Customer;
import io.repdesk.customer.EnvironmentProfile;

/** What a customer ran at some moment: product, platform and version, each possibly unknown. */
record RunningVersion(@Nullable String product, @Nullable String platform, @Nullable String version) {

    /** What the customer runs now; nothing known for a customer not found. */
    static RunningVersion of(@Nullable Customer customer) {
        if (customer == null) {
            return new RunningVersion(null, null, null);
        }
        EnvironmentProfile e = customer.environment();
        return new RunningVersion(e.product(), e.platform(), e.version());
    }
}

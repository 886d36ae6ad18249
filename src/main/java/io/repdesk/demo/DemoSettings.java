package io.repdesk.demo;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much demo data to load, and from which seed.
 *
 * @param enabled load the demo data (once) at start
 * @param today the day the six months of history end; null means the day of loading
 */
@ConfigurationProperties("repdesk.demo")
record DemoSettings(boolean enabled, int organizations, int customers, int cases, long seed,
        @Nullable LocalDate today) {

    DemoSettings {
        organizations = organizations <= 0 ? 300 : organizations;
        customers = customers <= 0 ? 3000 : customers;
        cases = cases <= 0 ? 4500 : cases;
        seed = seed == 0 ? 77 : seed;
    }
}

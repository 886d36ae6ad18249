package io.repdesk.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import io.repdesk.customer.CustomerManagement;
import io.repdesk.customer.EnvironmentProfile;
import io.repdesk.customer.NewCustomer;
import io.repdesk.prevent.FixVerification;
import io.repdesk.prevent.PreventManagement;
import io.repdesk.prevent.TestEnvironmentManagement;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;

/**
 * The demo's Prevent stage: test environments that miss the 5.2 cohorts, the young needs handed to engineering
 * (one awaiting its fix, one whose fix shipped days ago), and one verified eliminated after its web fix reached a
 * group of early upgraders.
 */
@Component
class DemoPrevent {

    static final int FIX_SHIPPED_DAYS_AGO = 16;
    static final int EARLY_UPGRADERS = 12;

    private final PreventManagement prevent;
    private final FixVerification verification;
    private final TestEnvironmentManagement environments;
    private final CustomerManagement customers;

    DemoPrevent(PreventManagement prevent, FixVerification verification, TestEnvironmentManagement environments,
            CustomerManagement customers) {
        this.prevent = prevent;
        this.verification = verification;
        this.environments = environments;
        this.customers = customers;
    }

    void load(Map<String, NeedId> needs, List<OrganizationId> organizations, LocalDate today) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated("manager", null, List.of()));
        try {
            environments.define("Android lab", DemoGenerator.PRODUCT, "Android", "5.1", null, null,
                    Map.of("device", "Pixel 8"));
            environments.define("iOS lab", DemoGenerator.PRODUCT, "iOS", "5.1", null, null,
                    Map.of("device", "iPhone 15"));
            environments.define("Web staging", DemoGenerator.PRODUCT, "web", "2026.10", null, null,
                    Map.of("device", "Chrome"));
            handOff(needs.get("contactless_not_working"), "APP-412", "Android", "5.3", null);
            handOff(needs.get("top_up_failed"), "APP-418", "iOS", "5.2.1", at(today, 4));
            registerUpgraders(organizations, today);
            NeedId virtualCard = needs.get("virtual_card_not_working");
            handOff(virtualCard, "WEB-77", "web", "2026.12", at(today, FIX_SHIPPED_DAYS_AGO));
            if (virtualCard != null) {
                verification.check(virtualCard);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void handOff(@Nullable NeedId need, String issue, String platform, String version,
            @Nullable Instant released) {
        if (need == null) {
            return;
        }
        prevent.handOff(need, "eli.engineer", "https://issues.lumen.example/browse/" + issue);
        var fix = prevent.expectFix(need, DemoGenerator.PRODUCT, platform, version);
        if (released != null) {
            prevent.releaseFix(need, fix.id(), released);
        }
    }

    /** Customers who took the web release early: they ran the fix through the window without a complaint. */
    private void registerUpgraders(List<OrganizationId> organizations, LocalDate today) {
        for (int i = 0; i < EARLY_UPGRADERS && !organizations.isEmpty(); i++) {
            customers.register(new NewCustomer(organizations.get(i % organizations.size()), "Early Upgrader " + (i + 1),
                    "early.upgrader." + (i + 1) + "@lumen-beta.example", new EnvironmentProfile(DemoGenerator.PRODUCT,
                            "2026.12", "web", "Business", "EU", Map.of("device", "Chrome")), null),
                    at(today, FIX_SHIPPED_DAYS_AGO + 2));
        }
    }

    private static Instant at(LocalDate today, int daysAgo) {
        return today.minusDays(daysAgo).atStartOfDay().toInstant(ZoneOffset.UTC);
    }
}

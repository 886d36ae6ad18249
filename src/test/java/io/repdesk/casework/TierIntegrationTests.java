package io.repdesk.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.repdesk.RepdeskIntegrationTest;
import io.repdesk.customer.CustomerFilter;
import io.repdesk.customer.CustomerManagement;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.CustomerId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.PageRequest;

@RepdeskIntegrationTest
class TierIntegrationTests {

    static final List<TierLevel> DEFAULTS = List.of(
            new TierLevel(Tier.TIER_1, "Tier 1", "First contact", true),
            new TierLevel(Tier.TIER_2, "Tier 2", "Specialists", true),
            new TierLevel(Tier.TIER_3, "Tier 3", "Experts", true),
            new TierLevel(Tier.ENGINEERING, "Engineering", "Defects and root causes", true));

    @Autowired
    TierManagement tiers;

    @Autowired
    TierStore store;

    @Autowired
    EscalationManagement escalations;

    @Autowired
    CaseManagement cases;

    @Autowired
    CustomerManagement customers;

    @AfterEach
    void restoreDefaults() {
        store.clearNames();
        DEFAULTS.forEach(store::update);
        tiers.define(List.of());
    }

    @Test
    void levelsCanBeRenamedEvenBySwappingNames() {
        tiers.define(List.of(new TierLevel(Tier.TIER_2, "Tier 3", "swapped", true),
                new TierLevel(Tier.TIER_3, "Tier 2", "swapped", true)));

        assertThat(tiers.names()).containsEntry(Tier.TIER_2, "Tier 3").containsEntry(Tier.TIER_3, "Tier 2");
        assertThat(tiers.level(Tier.TIER_2).description()).isEqualTo("swapped");
    }

    @Test
    void aNameIsRequiredUniqueAndShort() {
        assertThatThrownBy(() -> tiers.define(List.of(new TierLevel(Tier.TIER_2, " ", "", true))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("name-TIER_2"));
        assertThatThrownBy(() -> tiers.define(List.of(new TierLevel(Tier.TIER_3, "tier 2", "", true))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("name-TIER_3");
                    assertThat(e.reason()).contains("another level");
                });
        assertThatThrownBy(() -> tiers.define(List.of(new TierLevel(Tier.TIER_3, "x".repeat(41), "", true))))
                .isInstanceOf(InvalidInput.class);
        assertThat(tiers.names()).containsEntry(Tier.TIER_3, "Tier 3");
    }

    @Test
    void theFirstLevelAndLevelsThatTeamsWorkStayInUse() {
        assertThatThrownBy(() -> tiers.define(List.of(new TierLevel(Tier.TIER_1, "Tier 1", "", false))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.field()).isEqualTo("inUse-TIER_1"));
        assertThatThrownBy(() -> tiers.define(List.of(new TierLevel(Tier.TIER_2, "Tier 2", "", false))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> {
                    assertThat(e.field()).isEqualTo("inUse-TIER_2");
                    assertThat(e.reason()).contains("team Payments specialists works it");
                });
        assertThat(tiers.level(Tier.TIER_2).inUse()).isTrue();
    }

    @Test
    void aLevelOutOfUseIsNotOfferedForEscalation() {
        store.update(new TierLevel(Tier.TIER_3, "Tier 3", "Experts", false));
        tiers.define(List.of());
        CustomerId customer = customers.customers(CustomerFilter.any(), PageRequest.first(1)).items().getFirst().id();
        CaseId open = cases.open(new NewCase(customer, "Needs an expert", Priority.NORMAL, null), Instant.now()).id();

        assertThat(tiers.inUse()).extracting(TierLevel::tier).doesNotContain(Tier.TIER_3);
        assertThatThrownBy(() -> escalations.escalate(open, Tier.TIER_3, null, "Needs an expert"))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.reason()).contains("not in use"));
    }
}

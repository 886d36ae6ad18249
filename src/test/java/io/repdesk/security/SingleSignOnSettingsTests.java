package io.repdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SingleSignOnSettingsTests {

    @Test
    void aUsernameClaimNamesTheAgentWhateverItsCase() {
        SingleSignOnSettings settings = new SingleSignOnSettings("preferred_username", null);

        assertThat(settings.username("Sam.Tier2", null)).hasValue("sam.tier2");
        assertThat(settings.username(" ", null)).isEmpty();
        assertThat(settings.username(null, null)).isEmpty();
    }

    @Test
    void anAddressMapsByItsLocalPartOnlyInTheConfiguredDomainAndWhenNotUnverified() {
        SingleSignOnSettings settings = new SingleSignOnSettings("email", "Lumen.Example");

        assertThat(settings.username("sam.tier2@lumen.example", true)).hasValue("sam.tier2");
        assertThat(settings.username("SAM.TIER2@LUMEN.EXAMPLE", null)).hasValue("sam.tier2");
        assertThat(settings.username("sam.tier2@lumen.example", false)).isEmpty();
        assertThat(settings.username("sam.tier2@gmail.example", true)).isEmpty();
        assertThat(settings.username("sam.tier2@evil.example@lumen.example", true)).isEmpty();
    }

    @Test
    void withoutADomainNoAddressMapsToAnyone() {
        SingleSignOnSettings settings = new SingleSignOnSettings("email", null);

        assertThat(settings.username("admin@gmail.example", true)).isEmpty();
    }
}

package io.repdesk.security;

import java.util.Collection;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Turns a user signed in at the OpenID Connect provider into the existing agent account the configured claim
 * names, with that agent's role. No account is created: someone the provider knows but repdesk does not is
 * refused ({@value #UNKNOWN}), and so is a disabled account ({@value #DISABLED}); an admin decides who works in
 * repdesk and with which role.
 */
final class AgentOidcUsers implements OAuth2UserService<OidcUserRequest, OidcUser> {

    static final String UNKNOWN = "unknown_agent";
    static final String DISABLED = "disabled_agent";

    private static final Logger log = LoggerFactory.getLogger(AgentOidcUsers.class);

    private final OidcUserService provider = new OidcUserService();
    private final AgentAccounts accounts;
    private final SingleSignOnSettings settings;

    AgentOidcUsers(AgentAccounts accounts, SingleSignOnSettings settings) {
        this.accounts = accounts;
        this.settings = settings;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = provider.loadUser(request);
        String claim = user.getClaimAsString(settings.usernameClaim());
        String registration = request.getClientRegistration().getRegistrationId();
        Agent agent = settings.username(claim, user.getEmailVerified()).flatMap(accounts::find).orElseThrow(() -> {
            log.warn("Single sign-on by {} refused: {} '{}' maps to no agent", registration, settings.usernameClaim(),
                    claim);
            return refusal(UNKNOWN, "No agent account for " + settings.usernameClaim() + " '" + claim + "'");
        });
        if (!agent.enabled()) {
            log.warn("Single sign-on by {} refused: agent {} is disabled", registration, agent.username());
            throw refusal(DISABLED, "The agent account " + agent.username() + " is disabled");
        }
        return new AgentOidcUser(AgentAccounts.authorities(agent.role()), user, settings.usernameClaim(),
                agent.username());
    }

    private static OAuth2AuthenticationException refusal(String code, String description) {
        return new OAuth2AuthenticationException(new OAuth2Error(code, description, null), description);
    }

    /** The provider's user, named by the agent's username as every other sign-in is. */
    static final class AgentOidcUser extends DefaultOidcUser {

        private final String username;

        AgentOidcUser(Collection<? extends GrantedAuthority> authorities, OidcUser user, String claim,
                String username) {
            super(authorities, user.getIdToken(), user.getUserInfo(), claim);
            this.username = username;
        }

        @Override
        public String getName() {
            return username;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof AgentOidcUser o && o.username.equals(username) && super.equals(other);
        }

        @Override
        public int hashCode() {
            return username.hashCode();
        }
    }
}

package io.repdesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;

class ScopeCheckTests {

    /** Stands in for controllers: one endpoint without a scope, one needing two. */
    static class Endpoints {

        void unscoped() {
        }

        @RequiresScope({ ApiScope.CASES_WRITE, ApiScope.NEEDS_WRITE })
        void twoScopes() {
        }
    }

    final ScopeCheck check = new ScopeCheck();
    final MockHttpServletResponse response = new MockHttpServletResponse();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aTokenHoldingEveryScopeNamedPasses() throws Exception {
        signInWith(ApiScope.CASES_WRITE, ApiScope.NEEDS_WRITE, ApiScope.CONTACTS_READ);

        assertThat(check.preHandle(new MockHttpServletRequest(), response, endpoint("twoScopes"))).isTrue();
    }

    @Test
    void aTokenLackingOneScopeIsRefusedNamingIt() throws Exception {
        signInWith(ApiScope.CASES_WRITE);

        assertThat(check.preHandle(new MockHttpServletRequest(), response, endpoint("twoScopes"))).isFalse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("\"scope\":\"needs:write\"")
                .contains("lacks the scope needs:write");
    }

    @Test
    void anEndpointThatNamesNoScopeIsClosedToTokens() throws Exception {
        signInWith(ApiScope.values());

        assertThat(check.preHandle(new MockHttpServletRequest(), response, endpoint("unscoped"))).isFalse();
        assertThat(response.getStatus()).isEqualTo(403);
        assertThat(response.getContentAsString()).contains("API tokens may not call this endpoint");
    }

    @Test
    void agentsAreNotLimitedByScopes() throws Exception {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "agent", "", List.of(new SimpleGrantedAuthority("ROLE_AGENT"))));

        assertThat(check.preHandle(new MockHttpServletRequest(), response, endpoint("unscoped"))).isTrue();
        assertThat(check.preHandle(new MockHttpServletRequest(), response, endpoint("twoScopes"))).isTrue();
    }

    private static void signInWith(ApiScope... scopes) {
        ApiToken token = new ApiToken(UUID.randomUUID(), "crm", "rdk_abcdef", EnumSet.copyOf(List.of(scopes)),
                "agent", Instant.now(), null, null, null, null);
        SecurityContextHolder.getContext().setAuthentication(new ApiTokenAuthentication(token));
    }

    private static HandlerMethod endpoint(String name) throws NoSuchMethodException {
        return new HandlerMethod(new Endpoints(), Endpoints.class.getDeclaredMethod(name));
    }
}

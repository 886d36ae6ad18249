package io.repdesk.security;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Lets an API token call an endpoint only when it holds every scope the endpoint's {@link RequiresScope}
 * names; otherwise answers 403 naming the missing scope. Agents (HTTP Basic) pass unchecked.
 */
final class ScopeCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof ApiTokenAuthentication token) || !(handler instanceof HandlerMethod method)) {
            return true;
        }
        RequiresScope required = method.getMethodAnnotation(RequiresScope.class);
        if (required == null) {
            Problems.write(response, HttpStatus.FORBIDDEN, "API tokens may not call this endpoint; sign in as an agent");
            return false;
        }
        List<ApiScope> missing = token.token().lacking(required.value());
        if (missing.isEmpty()) {
            return true;
        }
        String names = missing.stream().map(ApiScope::value).collect(Collectors.joining(", "));
        Problems.write(response, HttpStatus.FORBIDDEN, "The API token \"" + token.token().name()
                + "\" lacks the scope " + names, Map.of("scope", missing.getFirst().value(),
                        "missingScopes", missing.stream().map(ApiScope::value).toList()));
        return false;
    }
}

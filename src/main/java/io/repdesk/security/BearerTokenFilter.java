package io.repdesk.security;

import java.io.IOException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Authenticates API requests that carry {@code Authorization: Bearer <token>}; a token that is unknown,
 * revoked or expired is answered with 401 at once. Requests without a bearer token pass on to HTTP Basic.
 */
final class BearerTokenFilter extends OncePerRequestFilter {

    private static final String SCHEME = "bearer ";

    private final ApiTokenManagement tokens;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

    BearerTokenFilter(ApiTokenManagement tokens) {
        this.tokens = tokens;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            chain.doFilter(request, response);
            return;
        }
        switch (tokens.check(header.substring(SCHEME.length()).strip())) {
            case TokenCheck.Refused refused -> Problems.write(response, HttpStatus.UNAUTHORIZED, refused.reason());
            case TokenCheck.Accepted accepted -> {
                SecurityContext context = contexts.createEmptyContext();
                context.setAuthentication(new ApiTokenAuthentication(accepted.token()));
                contexts.setContext(context);
                try {
                    chain.doFilter(request, response);
                } finally {
                    contexts.clearContext();
                }
            }
        }
    }
}

package io.repdesk.web.limits;

import java.io.IOException;
import java.time.Clock;
import java.util.List;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import io.repdesk.shared.RateBuckets;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses sign-in attempts and portal submissions over {@link InputLimitSettings}' rates per client address with
 * 429, {@code Retry-After} and a page that says when to try again, before a password is checked or a mail sent.
 * Runs ahead of Spring Security, so the per-account lockout still counts what gets through.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SignInThrottle extends OncePerRequestFilter {

    /** Agent form, portal password, portal link requests and links spent. */
    private static final List<String> SIGN_INS = List.of("/login", "/portal/login", "/portal/login/email",
            "/portal/login/link");

    private final RateBuckets signIns;
    private final RateBuckets portalPosts;
    private final Clock clock;

    SignInThrottle(InputLimitSettings settings, Clock clock) {
        this.signIns = new RateBuckets(settings.signInsPerAddress(), settings.signInWindow());
        this.portalPosts = new RateBuckets(settings.portalPostsPerAddress(), settings.portalPostWindow());
        this.clock = clock;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String address = request.getRemoteAddr();
        if (SIGN_INS.contains(path)) {
            long wait = signIns.take(address, clock.millis());
            if (wait > 0) {
                LimitPages.tooMany(request, response, wait, "Too many sign-in attempts from your address (more than "
                        + signIns.capacity() + " in a row).");
                return;
            }
        } else if (isPortalSubmission(path)) {
            long wait = portalPosts.take(address, clock.millis());
            if (wait > 0) {
                LimitPages.tooMany(request, response, wait, "Too many requests and replies sent from your address "
                        + "(more than " + portalPosts.capacity() + " in a row).");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** A new request, a reply to one, or a satisfaction survey's answer. */
    private static boolean isPortalSubmission(String path) {
        return path.equals("/portal/requests") || path.startsWith("/portal/cases/") && (path.endsWith("/reply")
                || path.endsWith("/survey")) || path.startsWith("/survey/");
    }
}

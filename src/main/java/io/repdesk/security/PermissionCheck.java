package io.repdesk.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.util.HtmlUtils;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Deny by default: a request reaches a repdesk handler only when the handler names a permission with
 * {@link Permits} and the signed-in account holds it. API tokens pass here and meet {@link ScopeCheck}.
 * Handlers outside repdesk (the error page, the OpenAPI description) are left to the filter chains.
 */
final class PermissionCheck implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws Exception {
        if (!(handler instanceof HandlerMethod method) || !method.getBeanType().getName().startsWith("io.repdesk.")) {
            return true;
        }
        Permission needed = needed(method);
        if (needed == null) {
            refuse(request, response, "This address names no permission, so no one may open it.");
            return false;
        }
        if (needed == Permission.ANYONE) {
            return true;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof ApiTokenAuthentication) {
            return true;
        }
        if (authentication != null && authentication.isAuthenticated() && authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).anyMatch(needed.authority()::equals)) {
            return true;
        }
        refuse(request, response, "Your role does not allow this: it needs the permission \""
                + needed.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + "\".");
        return false;
    }

    /** A problem document for the API, a page for people. */
    private static void refuse(HttpServletRequest request, HttpServletResponse response, String detail)
            throws java.io.IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            Problems.write(response, HttpStatus.FORBIDDEN, detail);
            return;
        }
        response.setStatus(HttpStatus.FORBIDDEN.value());
        response.setContentType("text/html;charset=UTF-8");
        String home = request.getContextPath() + "/inbox";
        response.getWriter().write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>Not allowed · repdesk</title><link rel=\"stylesheet\" href=\""
                + request.getContextPath() + "/css/repdesk.css\"></head><body><main class=\"narrow\">"
                + "<h1>Not allowed</h1><p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(detail)
                + "</p><p><a href=\"" + home + "\">Back to the inbox</a></p></main></body></html>");
    }

    /** The permission the handler names: on the method, else on its class. */
    static Permission needed(HandlerMethod method) {
        Permits permits = method.getMethodAnnotation(Permits.class);
        if (permits == null) {
            permits = method.getBeanType().getAnnotation(Permits.class);
        }
        return permits == null ? null : permits.value();
    }
}

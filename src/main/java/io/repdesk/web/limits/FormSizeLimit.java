package io.repdesk.web.limits;

import java.io.IOException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Answers form posts of the workspace and the portal that exceed the server's limits with 413 naming the limit.
 * Without it the container drops the oversize form's fields, the CSRF token with them, and the answer was a
 * misleading 403. The API's bodies are limited by its own filter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class FormSizeLimit extends OncePerRequestFilter {

    private final long maxFile;
    private final long maxRequest;
    private final long maxForm;

    FormSizeLimit(@Value("${spring.servlet.multipart.max-file-size:1MB}") DataSize maxFile,
            @Value("${spring.servlet.multipart.max-request-size:10MB}") DataSize maxRequest,
            @Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize maxForm) {
        this.maxFile = maxFile.toBytes();
        this.maxRequest = maxRequest.toBytes();
        this.maxForm = maxForm.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || request.getContentType() == null
                || request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType().toLowerCase(java.util.Locale.ROOT);
        long length = request.getContentLengthLong();
        if (type.startsWith("multipart/form-data")) {
            if (length > maxRequest || exceedsPartLimits(request)) {
                LimitPages.tooLarge(request, response, "The files sent are too large: each file may be at most "
                        + LimitPages.size(maxFile) + " and all of them together at most " + LimitPages.size(maxRequest)
                        + ".");
                return;
            }
        } else if (type.startsWith("application/x-www-form-urlencoded") && maxForm >= 0 && length > maxForm) {
            LimitPages.tooLarge(request, response, "The form is too large: at most " + LimitPages.size(maxForm)
                    + " of text may be sent at once.");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Reads the parts now, as the CSRF check would; the container says so when a limit is exceeded. */
    private static boolean exceedsPartLimits(HttpServletRequest request) throws IOException, ServletException {
        try {
            request.getParts();
            return false;
        } catch (IllegalStateException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause.getClass().getSimpleName().contains("LimitExceeded")) {
                    return true;
                }
            }
            throw e;
        }
    }
}

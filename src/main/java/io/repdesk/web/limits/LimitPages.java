package io.repdesk.web.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.HtmlUtils;

import io.repdesk.shared.RateBuckets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answers of the input limits to browsers: a small page (it needs no template, as it is written before
 * Spring MVC runs). The API's limits answer with problem documents of their own.
 */
final class LimitPages {

    private LimitPages() {
    }

    /** 429 with {@code Retry-After}. */
    static void tooMany(HttpServletRequest request, HttpServletResponse response, long waitMillis, String what)
            throws IOException {
        long seconds = RateBuckets.retryAfterSeconds(waitMillis);
        response.setHeader("Retry-After", Long.toString(seconds));
        String detail = what + " Try again in " + duration(seconds) + ".";
        write(request, response, 429, "Too many requests", detail);
    }

    /** 413, naming the limit; the connection is closed after the answer. */
    static void tooLarge(HttpServletRequest request, HttpServletResponse response, String detail)
            throws IOException {
        response.setHeader("Connection", "close");
        write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Too large", detail);
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType("text/html");
        // Written ahead of Spring Security, so without its headers: the page has no script and needs no more.
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'self'; frame-ancestors 'none'");
        response.setHeader("X-Content-Type-Options", "nosniff");
        String css = request.getContextPath() + "/css/repdesk.css";
        response.getWriter().write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + " · repdesk</title><link rel=\"stylesheet\" href=\"" + HtmlUtils.htmlEscape(css) + "\"></head>"
                + "<body class=\"login-page\"><main class=\"login\"><h1>" + title + "</h1>"
                + "<p class=\"error\" role=\"alert\">" + HtmlUtils.htmlEscape(detail) + "</p>"
                + "<p class=\"muted\">Use your browser's Back button: the form keeps what you typed.</p>"
                + "</main></body></html>");
    }
}

package io.repdesk.web.limits;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.web.util.HtmlUtils;

import io.repdesk.shared.RateBuckets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The answers of the input limits: a small page for browsers (it needs no template, as it is written before
 * Spring MVC runs), a problem document for the API.
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
        write(request, response, 429, "Too many requests", detail, "");
    }

    /** 413, naming the limit; the connection is closed, as the rest of the body is not read. */
    static void tooLarge(HttpServletRequest request, HttpServletResponse response, String detail, String field)
            throws IOException {
        response.setHeader("Connection", "close");
        write(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "Too large", detail, field);
    }

    static String size(long bytes) {
        return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB"
                : bytes % 1024 == 0 ? bytes / 1024 + " KB" : bytes + " bytes";
    }

    private static String duration(long seconds) {
        return seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, int status, String title,
            String detail, String field) throws IOException {
        response.setStatus(status);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                    + ",\"detail\":\"" + detail.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
                    + (field.isEmpty() ? "" : ",\"field\":\"" + field + "\"") + "}");
            return;
        }
        response.setContentType("text/html");
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

package io.repdesk.web.api;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import io.repdesk.shared.RateBuckets;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits the public API (no sign-in) per client address: a bucket of {@code repdesk.web.public-requests-per-minute}
 * requests refilled evenly over the minute. Over the limit the answer is 429 with {@code Retry-After} in seconds.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
class PublicRateLimit implements WebMvcConfigurer, HandlerInterceptor {

    private final int perMinute;
    private final Clock clock;
    private final JsonMapper json;
    private final RateBuckets buckets;

    PublicRateLimit(@Value("${repdesk.web.public-requests-per-minute:120}") int perMinute, Clock clock,
            JsonMapper json) {
        if (perMinute < 1) {
            throw new IllegalArgumentException("repdesk.web.public-requests-per-minute must be 1 or more, not "
                    + perMinute);
        }
        this.perMinute = perMinute;
        this.buckets = new RateBuckets(perMinute, Duration.ofMinutes(1));
        this.clock = clock;
        this.json = json;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/public/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        long wait = take(request.getRemoteAddr(), clock.millis());
        if (wait == 0) {
            return true;
        }
        long seconds = RateBuckets.retryAfterSeconds(wait);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader("Retry-After", Long.toString(seconds));
        response.setContentType("application/problem+json");
        response.getWriter().write(json.writeValueAsString(Map.of("type", "about:blank", "title",
                "Too many requests", "status", 429, "detail", "This address sent more than " + perMinute
                        + " requests a minute to the public API; try again in " + seconds + " s",
                "retryAfterSeconds", seconds)));
        return false;
    }

    /** Takes a token from the client's bucket; returns 0, or the milliseconds until one is there. */
    long take(String client, long nowMillis) {
        return buckets.take(client, nowMillis);
    }
}

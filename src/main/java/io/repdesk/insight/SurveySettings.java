package io.repdesk.insight;

import java.net.URI;
import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The satisfaction survey's settings.
 *
 * @param enabled send a survey when a case is resolved, and take answers in the portal
 * @param validity how long a survey link can be answered
 * @param resendAfter a case resolved again within this time of its last invitation gets no new one
 * @param baseUrl the address customers reach repdesk at, for the link in the mail
 */
@ConfigurationProperties("repdesk.insight.survey")
public record SurveySettings(@DefaultValue("true") boolean enabled, @Nullable Duration validity,
        @Nullable Duration resendAfter, @Nullable URI baseUrl) {

    public SurveySettings {
        validity = validity == null ? Duration.ofDays(14) : validity;
        resendAfter = resendAfter == null ? Duration.ofDays(30) : resendAfter;
        baseUrl = baseUrl == null ? URI.create("http://localhost:8080") : baseUrl;
    }
}

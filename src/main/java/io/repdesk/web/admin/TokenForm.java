package io.repdesk.web.admin;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.repdesk.security.ApiScope;
import io.repdesk.security.NewApiToken;
import io.repdesk.shared.InvalidInput;

/** The form that issues an API token: a name, the scopes checked, and an optional last day (UTC). */
record TokenForm(String name, List<String> scopes, String expires) {

    static TokenForm blank() {
        return new TokenForm("", List.of(), "");
    }

    static TokenForm from(MultiValueMap<String, String> params) {
        return new TokenForm(Forms.text(params, "name"), List.copyOf(params.getOrDefault("scope", List.of())),
                Forms.text(params, "expires"));
    }

    /** For the template: whether the scope is checked. */
    public boolean has(ApiScope scope) {
        return scopes.contains(scope.value());
    }

    /** The request, or null with the reasons put in {@code errors}; a token expires as its last day ends. */
    @Nullable NewApiToken toRequest(LocalDate today, FieldErrors errors) {
        if (name.isBlank()) {
            errors.reject("name", "Name the integration the token is for");
        }
        Set<ApiScope> chosen = EnumSet.noneOf(ApiScope.class);
        for (String scope : scopes) {
            ApiScope.named(scope).ifPresentOrElse(chosen::add,
                    () -> errors.reject("scopes", "There is no scope “" + scope + "”"));
        }
        if (chosen.isEmpty()) {
            errors.reject("scopes", "Check at least one scope");
        }
        LocalDate lastDay = null;
        if (!expires.isBlank()) {
            try {
                lastDay = LocalDate.parse(expires.strip());
                if (lastDay.isBefore(today)) {
                    errors.reject("expires", "The last day must be today or later");
                }
            } catch (DateTimeParseException e) {
                errors.reject("expires", "Give the last day as a date, such as " + today.plusYears(1));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new NewApiToken(name.strip(), chosen,
                lastDay == null ? null : lastDay.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    static void reject(FieldErrors errors, InvalidInput e) {
        switch (e.field()) {
            case "name" -> errors.reject("name", "Name", e);
            case "scopes" -> errors.reject("scopes", "Scopes", e);
            case "expiresAt" -> errors.reject("expires", "The last day", e);
            default -> errors.reject(FieldErrors.FORM, e.getMessage());
        }
    }
}

package io.repdesk.web.api;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.Priority;
import io.repdesk.contact.Channel;
import io.repdesk.contact.Direction;
import io.repdesk.need.DemandClass;
import io.repdesk.need.LifecycleStage;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The JSON bodies the API accepts, with the rules each field must meet. */
final class ApiRequests {

    /** Text may hold anything printable and line breaks, but no NUL (PostgreSQL text cannot store it). */
    static final String NO_NUL = "[^\\x00]*";
    static final String NO_NUL_MESSAGE = "must not contain NUL characters";

    private ApiRequests() {
    }

    record CreateOrganization(@NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String name,
            @Size(max = 100) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String plan) {
    }

    record Environment(@Size(max = 100) @Nullable String product, @Size(max = 50) @Nullable String version,
            @Size(max = 50) @Nullable String platform, @Size(max = 100) @Nullable String plan,
            @Size(max = 100) @Nullable String region, @Size(max = 50) @Nullable Map<String, String> attributes) {
    }

    /** What a customer runs from the moment {@code at} on (now when left out). */
    record ChangeEnvironment(@Valid @Nullable Environment environment, java.time.@Nullable Instant at) {
    }

    record CreateCustomer(@Nullable String organizationId,
            @NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String name,
            @NotBlank @Email @Size(max = 320) String email, @Valid @Nullable Environment environment,
            @Size(max = 200) @Nullable String accountManager) {
    }

    record CreateNeed(@NotBlank @Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9_.-]*",
            message = "must be lower-case letters, digits, '_', '.' or '-'") String key,
            @NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String title,
            @Size(max = 10_000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String description,
            @Nullable DemandClass demandClass,
            @Size(max = 10_000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String workaround) {
    }

    record ChangeStage(@NotNull LifecycleStage stage) {
    }

    record RecordContact(@NotBlank String customerId, @Nullable String caseId, @NotNull Channel channel,
            @Nullable Direction direction, @Nullable Instant occurredAt,
            @NotBlank @Size(max = 500) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String subject,
            @NotNull @Size(max = 100_000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String body,
            @Size(max = 320) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String author,
            @Size(min = 1, max = 200) @Nullable String idempotencyKey, @Nullable String needId,
            @Nullable Priority priority) {
    }

    record LinkNeed(@NotBlank String needId) {
    }

    record MergeNeed(@NotBlank String intoId) {
    }

    record MergeCase(@NotBlank String intoId) {
    }

    record ChangeStatus(@NotNull CaseStatus status) {
    }

    record NewNeedForCase(@NotBlank @Size(max = 200) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) String title,
            @Size(max = 10_000) @Pattern(regexp = NO_NUL, message = NO_NUL_MESSAGE) @Nullable String description) {
    }
}

package io.repdesk.web.admin;

import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.Priority;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.contact.Channel;
import io.repdesk.shared.CalendarId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.sla.SlaTarget;

/**
 * The SLA policy form as typed, so a refused form comes back exactly as it was sent. Targets are hours
 * and minutes of business time; a target left blank is not tracked.
 */
record PolicyForm(String name, String kind, String rank, String calendarId, Span firstResponse, Span nextResponse,
        Span resolution, Span warning, Set<String> pauseIn, String organizationId, String plan, String priority,
        String channel, String needId, boolean active) {

    static final int MAX_NAME = 100;
    static final int MAX_PLAN = 100;

    /** The statuses that may pause the clocks: the open ones (resolved and closed stop them anyway). */
    static final List<CaseStatus> PAUSABLE = Arrays.stream(CaseStatus.values()).filter(CaseStatus::isOpen).toList();

    /** A length of business time as typed in two fields. */
    record Span(String hours, String minutes) {

        static Span of(@Nullable Duration d) {
            if (d == null) {
                return new Span("", "");
            }
            return new Span(String.valueOf(d.toHours()), d.toMinutesPart() == 0 ? "" : String.valueOf(d.toMinutesPart()));
        }

        boolean isBlank() {
            return hours.isBlank() && minutes.isBlank();
        }

        /** The span, null when blank; an error on {@code field} when not whole, non-negative numbers. */
        @Nullable Duration parse(String field, String label, FieldErrors errors) {
            if (isBlank()) {
                return null;
            }
            Integer h = number(hours, 10_000);
            Integer m = number(minutes, 600_000);
            if (h == null || m == null) {
                errors.reject(field, label + ": hours and minutes must be whole numbers of 0 or more");
                return null;
            }
            return Duration.ofHours(h).plusMinutes(m);
        }

        private static @Nullable Integer number(String text, int max) {
            if (text.isBlank()) {
                return 0;
            }
            try {
                int n = Integer.parseInt(text.strip());
                return n >= 0 && n <= max ? n : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    /** One of the form's lengths of time, with the name its fields are posted under. */
    record SpanField(String key, String label, Span span) {
    }

    /** The targets and the warning lead, in the order the form shows them. */
    public List<SpanField> spans() {
        return List.of(new SpanField("firstResponse", "First response", firstResponse),
                new SpanField("nextResponse", "Next response", nextResponse),
                new SpanField("resolution", "Resolution", resolution),
                new SpanField("warning", "Warn this long before a breach", warning));
    }

    static PolicyForm blank() {
        return new PolicyForm("", ServicePolicy.Kind.FORMAL.name(), "10", "", new Span("4", ""), new Span("", ""),
                new Span("", ""), new Span("1", ""), Set.of(CaseStatus.WAITING_ON_CUSTOMER.name()), "", "", "", "",
                "", true);
    }

    static PolicyForm of(ServicePolicy p) {
        var targets = p.policy().targets();
        Set<String> paused = new LinkedHashSet<>();
        p.policy().pausedIn().forEach(s -> paused.add(s.name()));
        SlaConditions when = p.conditions();
        return new PolicyForm(p.name(), p.kind().name(), String.valueOf(p.rank()), p.calendarId().toString(),
                Span.of(targets.get(SlaTarget.FIRST_RESPONSE)), Span.of(targets.get(SlaTarget.NEXT_RESPONSE)),
                Span.of(targets.get(SlaTarget.RESOLUTION)), Span.of(p.policy().warningLead()), paused,
                when.organizationId() == null ? "" : when.organizationId().toString(),
                when.plan() == null ? "" : when.plan(), when.priority() == null ? "" : when.priority().name(),
                when.channel() == null ? "" : when.channel(), when.needId() == null ? "" : when.needId().toString(),
                p.active());
    }

    static PolicyForm from(MultiValueMap<String, String> params) {
        return new PolicyForm(text(params, "name"), text(params, "kind"), text(params, "rank"),
                text(params, "calendarId"), span(params, "firstResponse"), span(params, "nextResponse"),
                span(params, "resolution"), span(params, "warning"),
                new LinkedHashSet<>(params.getOrDefault("pauseIn", List.of())), text(params, "organizationId"),
                text(params, "plan"), text(params, "priority"), text(params, "channel"), text(params, "needId"),
                params.containsKey("active"));
    }

    /** The request for {@link SlaManagement#definePolicy}, or null with the reasons put in {@code errors}. */
    SlaManagement.@Nullable NewPolicy toRequest(FieldErrors errors) {
        if (name.isBlank() || name.strip().length() > MAX_NAME) {
            errors.reject("name", "Give the policy a name of 1–" + MAX_NAME + " characters");
        }
        ServicePolicy.Kind policyKind = choice(ServicePolicy.Kind.class, kind, "kind", errors);
        Integer order = null;
        try {
            order = Integer.parseInt(rank.strip());
        } catch (NumberFormatException e) {
            errors.reject("rank", "Rank must be a whole number, like 10");
        }
        CalendarId calendar = null;
        if (calendarId.isBlank()) {
            errors.reject("calendarId", "Choose the calendar the targets count on");
        } else {
            calendar = new CalendarId(uuid(calendarId, "calendarId", errors));
        }
        Duration first = targetOf(firstResponse, "firstResponse", "First response", errors);
        Duration next = targetOf(nextResponse, "nextResponse", "Next response", errors);
        Duration resolve = targetOf(resolution, "resolution", "Resolution", errors);
        if (firstResponse.isBlank() && nextResponse.isBlank() && resolution.isBlank()) {
            errors.reject("targets", "Give at least one target a time; a target left blank is not tracked");
        }
        Duration lead = warning.parse("warning", "Warning", errors);
        SlaConditions conditions = conditions(errors);
        Set<CaseStatus> paused = paused(errors);
        if (!errors.isEmpty()) {
            return null;
        }
        return new SlaManagement.NewPolicy(name, policyKind, order, calendar, first, next, resolve, paused,
                lead == null ? Duration.ZERO : lead, conditions, active);
    }

    /** Where on the form a refusal of the policy belongs. */
    static void reject(FieldErrors errors, InvalidInput e) {
        switch (e.field()) {
            case "name" -> errors.reject("name", "Name", e);
            case "calendarId" -> errors.reject("calendarId", "Calendar", e);
            case "targets" -> errors.reject("targets", "Targets", e);
            case "pausedIn" -> errors.reject("pauseIn", "Pause", e);
            case "warningLead" -> errors.reject("warning", "Warning", e);
            default -> errors.reject(FieldErrors.FORM, e.getMessage());
        }
    }

    private SlaConditions conditions(FieldErrors errors) {
        if (plan.strip().length() > MAX_PLAN) {
            errors.reject("plan", "Plan must be at most " + MAX_PLAN + " characters");
        }
        Priority p = priority.isBlank() ? null : choice(Priority.class, priority, "priority", errors);
        Channel c = channel.isBlank() ? null : choice(Channel.class, channel, "channel", errors);
        return new SlaConditions(organizationId.isBlank() ? null
                : new OrganizationId(uuid(organizationId, "organizationId", errors)),
                plan.isBlank() ? null : plan.strip(), p, c == null ? null : c.name(),
                needId.isBlank() ? null : new NeedId(uuid(needId, "needId", errors)));
    }

    private Set<CaseStatus> paused(FieldErrors errors) {
        Set<CaseStatus> paused = EnumSet.noneOf(CaseStatus.class);
        for (String s : pauseIn) {
            CaseStatus status = choice(CaseStatus.class, s, "pauseIn", errors);
            if (status != null && PAUSABLE.contains(status)) {
                paused.add(status);
            } else {
                errors.reject("pauseIn", "Only open statuses can pause the clocks");
            }
        }
        return paused;
    }

    private static @Nullable Duration targetOf(Span span, String field, String label, FieldErrors errors) {
        Duration d = span.parse(field, label, errors);
        if (d != null && d.isZero()) {
            errors.reject(field, label + " must be longer than 0; leave it blank to not track it");
            return null;
        }
        return d;
    }

    private static <E extends Enum<E>> @Nullable E choice(Class<E> type, String value, String field,
            FieldErrors errors) {
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "Choose one of the options");
            return null;
        }
    }

    private static UUID uuid(String text, String field, FieldErrors errors) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            errors.reject(field, "Choose one of the options");
            return new UUID(0, 0);
        }
    }

    private static String text(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static Span span(MultiValueMap<String, String> params, String name) {
        return new Span(text(params, name + ".hours"), text(params, name + ".minutes"));
    }
}

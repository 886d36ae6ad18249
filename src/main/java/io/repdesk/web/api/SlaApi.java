package io.repdesk.web.api;

import static io.repdesk.security.ApiScope.CASES_READ;
import static io.repdesk.security.ApiScope.SETTINGS_READ;
import static io.repdesk.security.ApiScope.SETTINGS_WRITE;

import java.net.URI;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.repdesk.casework.CaseStatus;
import io.repdesk.casework.Priority;
import io.repdesk.casework.ServiceCalendar;
import io.repdesk.casework.ServicePolicy;
import io.repdesk.casework.SlaConditions;
import io.repdesk.casework.SlaManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.security.RequiresScope;
import io.repdesk.shared.CalendarId;
import io.repdesk.shared.CaseId;
import io.repdesk.shared.Ids;
import io.repdesk.shared.NeedId;
import io.repdesk.shared.OrganizationId;
import io.repdesk.shared.SlaPolicyId;
import io.repdesk.sla.ClockState;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Business-hours calendars, SLA policies, and a case's SLA clocks. */
@RestController
@RequestMapping("/api/v1")
class SlaApi {

    private final SlaManagement sla;

    SlaApi(SlaManagement sla) {
        this.sla = sla;
    }

    /** Opening hours per weekday ({@code "09:00-17:00"}) and dates with other hours (an empty list: closed). */
    record CalendarBody(@NotBlank @Size(max = 100) String name, @NotBlank String zone,
            @NotNull Map<DayOfWeek, List<String>> hours, @Nullable Map<LocalDate, List<String>> specialDays) {
    }

    record CalendarView(String id, String name, String zone, Map<DayOfWeek, List<String>> hours,
            Map<LocalDate, List<String>> specialDays) {

        static CalendarView of(ServiceCalendar c) {
            Map<DayOfWeek, List<String>> hours = new LinkedHashMap<>();
            c.calendar().weeklyHours().forEach((day, h) -> {
                if (!h.isEmpty()) {
                    hours.put(day, h.stream().map(Object::toString).toList());
                }
            });
            Map<LocalDate, List<String>> special = new LinkedHashMap<>();
            c.calendar().specialDays().forEach((date, h) -> special.put(date, h.stream().map(Object::toString).toList()));
            return new CalendarView(c.id().toString(), c.name(), c.calendar().zone().getId(), hours, special);
        }
    }

    /** Targets in business minutes; leave a target out to not track it. Conditions left out match every case. */
    record PolicyBody(@NotBlank @Size(max = 100) String name, @NotNull ServicePolicy.Kind kind, int rank,
            @NotBlank String calendarId, @Positive @Nullable Integer firstResponseMinutes,
            @Positive @Nullable Integer nextResponseMinutes, @Positive @Nullable Integer resolutionMinutes,
            @Nullable Set<CaseStatus> pauseIn, @Min(0) @Nullable Integer warningMinutes,
            @Nullable String organizationId, @Size(max = 100) @Nullable String plan, @Nullable Priority priority,
            @Size(max = 30) @Nullable String channel, @Nullable String needId, @Nullable Boolean active) {
    }

    record PolicyView(String id, String name, ServicePolicy.Kind kind, int rank, String calendarId,
            @Nullable Long firstResponseMinutes, @Nullable Long nextResponseMinutes, @Nullable Long resolutionMinutes,
            Set<?> pauseIn, long warningMinutes, SlaConditions conditions, boolean active) {

        static PolicyView of(ServicePolicy p) {
            var targets = p.policy().targets();
            return new PolicyView(p.id().toString(), p.name(), p.kind(), p.rank(), p.calendarId().toString(),
                    minutes(targets.get(io.repdesk.sla.SlaTarget.FIRST_RESPONSE)),
                    minutes(targets.get(io.repdesk.sla.SlaTarget.NEXT_RESPONSE)),
                    minutes(targets.get(io.repdesk.sla.SlaTarget.RESOLUTION)), p.policy().pausedIn(),
                    p.policy().warningLead().toMinutes(), p.conditions(), p.active());
        }

        private static @Nullable Long minutes(@Nullable Duration d) {
            return d == null ? null : d.toMinutes();
        }
    }

    record ClockView(String target, String status, Instant startedAt, @Nullable Instant dueAt, long elapsedMinutes,
            long remainingMinutes, @Nullable Instant breachedAt, @Nullable Instant metAt) {

        static ClockView of(ClockState c) {
            return new ClockView(c.target().name(), c.status().name(), c.startedAt(), c.dueAt(),
                    c.elapsed().toMinutes(), c.remaining().toMinutes(), c.breachedAt(), c.metAt());
        }
    }

    record CaseSlaView(List<PolicyClocksView> policies, List<BreachView> breaches) {
    }

    record PolicyClocksView(String policyId, String policy, ServicePolicy.Kind kind, String calendar,
            List<ClockView> clocks) {
    }

    record BreachView(String policy, String target, Instant breachedAt) {
    }

    @GetMapping("/calendars")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<CalendarView> calendars() {
        return sla.calendars().stream().map(CalendarView::of).toList();
    }

    @PostMapping("/calendars")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    ResponseEntity<CalendarView> createCalendar(@Valid @RequestBody CalendarBody body) {
        ServiceCalendar created = sla.defineCalendar(null, calendar(body));
        return ResponseEntity.created(URI.create("/api/v1/calendars/" + created.id())).body(CalendarView.of(created));
    }

    @PutMapping("/calendars/{id}")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    CalendarView replaceCalendar(@PathVariable UUID id, @Valid @RequestBody CalendarBody body) {
        return CalendarView.of(sla.defineCalendar(new CalendarId(id), calendar(body)));
    }

    @GetMapping("/sla-policies")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(SETTINGS_READ)
    List<PolicyView> policies() {
        return sla.policies().stream().map(PolicyView::of).toList();
    }

    @PostMapping("/sla-policies")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    ResponseEntity<PolicyView> createPolicy(@Valid @RequestBody PolicyBody body) {
        ServicePolicy created = sla.definePolicy(null, policy(body));
        return ResponseEntity.created(URI.create("/api/v1/sla-policies/" + created.id())).body(PolicyView.of(created));
    }

    @PutMapping("/sla-policies/{id}")
    @Permits(Permission.CONFIGURE_SUPPORT)
    @RequiresScope(SETTINGS_WRITE)
    PolicyView replacePolicy(@PathVariable UUID id, @Valid @RequestBody PolicyBody body) {
        return PolicyView.of(sla.definePolicy(new SlaPolicyId(id), policy(body)));
    }

    @GetMapping("/cases/{id}/sla")
    @Permits(Permission.VIEW_WORK)
    @RequiresScope(CASES_READ)
    CaseSlaView caseSla(@PathVariable UUID id) {
        var caseSla = sla.slaOf(new CaseId(id));
        return new CaseSlaView(caseSla.policies().stream().map(p -> new PolicyClocksView(p.policy().id().toString(),
                p.policy().name(), p.policy().kind(), p.calendar(),
                p.evaluation().clocks().values().stream().map(ClockView::of).toList())).toList(),
                caseSla.breaches().stream().map(b -> new BreachView(b.policy(), b.target().name(), b.breachedAt()))
                        .toList());
    }

    private static SlaManagement.NewCalendar calendar(CalendarBody body) {
        return new SlaManagement.NewCalendar(body.name(), body.zone(), body.hours(),
                body.specialDays() == null ? Map.of() : body.specialDays());
    }

    private static SlaManagement.NewPolicy policy(PolicyBody body) {
        return new SlaManagement.NewPolicy(body.name(), body.kind(), body.rank(),
                new CalendarId(Ids.parse(body.calendarId(), "calendarId")), minutes(body.firstResponseMinutes()),
                minutes(body.nextResponseMinutes()), minutes(body.resolutionMinutes()),
                body.pauseIn() == null ? Set.of(CaseStatus.WAITING_ON_CUSTOMER) : body.pauseIn(),
                Duration.ofMinutes(body.warningMinutes() == null ? 0 : body.warningMinutes()),
                new SlaConditions(body.organizationId() == null ? null
                        : new OrganizationId(Ids.parse(body.organizationId(), "organizationId")), blank(body.plan()),
                        body.priority(), blank(body.channel()),
                        body.needId() == null ? null : new NeedId(Ids.parse(body.needId(), "needId"))),
                body.active() == null || body.active());
    }

    private static @Nullable Duration minutes(@Nullable Integer minutes) {
        return minutes == null ? null : Duration.ofMinutes(minutes);
    }

    private static @Nullable String blank(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

package io.repdesk.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;

import io.repdesk.casework.CaseStatus;
import io.repdesk.shared.InvalidInput;
import io.repdesk.sla.BusinessCalendar;

class AdminFormsTests {

    @Test
    void aCalendarFormReadsRangesPerDayAndSpecialDaysPerLine() {
        CalendarForm form = CalendarForm.from(Map.of("name", "Lisbon", "zone", "Europe/Lisbon",
                "hours.MONDAY", "09:00-12:00, 13:00-17:00", "specialDays", "2026-12-25 closed\n\n2026-12-24 09:00-12:00"));
        FieldErrors errors = new FieldErrors();

        var request = form.toRequest(errors);

        assertThat(errors.isEmpty()).isTrue();
        assertThat(request.hours().get(DayOfWeek.MONDAY)).containsExactly("09:00-12:00", "13:00-17:00");
        assertThat(request.hours().get(DayOfWeek.TUESDAY)).isEmpty();
        assertThat(request.specialDays()).containsEntry(LocalDate.parse("2026-12-25"), List.of())
                .containsEntry(LocalDate.parse("2026-12-24"), List.of("09:00-12:00"));
    }

    @Test
    void aCalendarFormPutsEachMistakeBesideItsField() {
        CalendarForm form = CalendarForm.from(Map.of("name", " ", "hours.SATURDAY", "10-12",
                "specialDays", "2026-12-25 closed\n2026-13-01 closed"));
        FieldErrors errors = new FieldErrors();

        assertThat(form.toRequest(errors)).isNull();
        assertThat(errors.asMap()).containsKeys("name", "hours.SATURDAY")
                .containsEntry("specialDays", "Line 2: '2026-13-01' is not a date like 2026-12-25");

        FieldErrors refused = new FieldErrors();
        CalendarForm.reject(refused, new InvalidInput("weeklyHours", "overlap on MONDAY: 09:00-12:00 and 11:00-14:00"));
        assertThat(refused.asMap()).containsEntry("hours.MONDAY", "Hours overlap on MONDAY: 09:00-12:00 and 11:00-14:00");
    }

    @Test
    void aPolicyFormTracksOnlyTheTargetsGivenATime() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Gold");
        params.add("kind", "FORMAL");
        params.add("rank", "3");
        params.add("calendarId", "8f2b1c9e-0f4e-4a53-9d0e-1b2c3d4e5f60");
        params.add("firstResponse.hours", "1");
        params.add("firstResponse.minutes", "30");
        params.add("resolution.hours", "16");
        params.add("pauseIn", "WAITING_ON_CUSTOMER");
        params.add("channel", "EMAIL");
        FieldErrors errors = new FieldErrors();

        var request = PolicyForm.from(params).toRequest(errors);

        assertThat(errors.asMap()).isEmpty();
        assertThat(request.firstResponse()).isEqualTo(Duration.ofMinutes(90));
        assertThat(request.nextResponse()).isNull();
        assertThat(request.resolution()).isEqualTo(Duration.ofHours(16));
        assertThat(request.warning()).isEqualTo(Duration.ZERO);
        assertThat(request.pauseIn()).containsExactly(CaseStatus.WAITING_ON_CUSTOMER);
        assertThat(request.conditions().channel()).isEqualTo("EMAIL");
        assertThat(request.active()).isFalse();
    }

    @Test
    void aPolicyFormRefusesZeroTargetsUnknownChoicesAndStatusesThatStopTheClocks() {
        var params = new LinkedMultiValueMap<String, String>();
        params.add("name", "Gold");
        params.add("kind", "SOMETIMES");
        params.add("rank", "first");
        params.add("firstResponse.hours", "0");
        params.add("pauseIn", "RESOLVED");
        FieldErrors errors = new FieldErrors();

        assertThat(PolicyForm.from(params).toRequest(errors)).isNull();
        assertThat(errors.asMap()).containsKeys("kind", "rank", "calendarId", "firstResponse", "pauseIn");
    }

    @Test
    void theCalendarListSummarisesRunsOfDaysWithTheSameHours() {
        BusinessCalendar calendar = BusinessCalendar.builder("Desk", "UTC").weekdays("09:00-17:00")
                .hours(DayOfWeek.WEDNESDAY, "09:00-12:00").hours(DayOfWeek.SATURDAY, "10:00-14:00").build();

        assertThat(CalendarAdminController.summary(calendar))
                .isEqualTo("Mon–Tue 09:00-17:00 · Wed 09:00-12:00 · Thu–Fri 09:00-17:00 · Sat 10:00-14:00");
        assertThat(PolicyAdminController.span(Duration.ofMinutes(150))).isEqualTo("2 h 30 min");
        assertThat(PolicyAdminController.span(Duration.ofMinutes(45))).isEqualTo("45 min");
    }
}

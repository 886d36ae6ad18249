package io.repdesk.web.admin;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.repdesk.casework.ServiceCalendar;
import io.repdesk.casework.SlaManagement;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.CalendarId;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;
import io.repdesk.sla.BusinessCalendar;
import io.repdesk.sla.OpeningHours;

/** Business-hours calendars: the list, and a form to define or change one through {@link SlaManagement}. */
@Controller
@RequestMapping("/admin/calendars")
@Permits(Permission.CONFIGURE_SUPPORT)
class CalendarAdminController {

    private final SlaManagement sla;

    CalendarAdminController(SlaManagement sla) {
        this.sla = sla;
    }

    /** A calendar as a row of the list. */
    record CalendarRow(String id, String name, String zone, String hours, int holidays, int specialHours) {

        static CalendarRow of(ServiceCalendar c) {
            BusinessCalendar cal = c.calendar();
            int holidays = cal.holidays().size();
            return new CalendarRow(c.id().toString(), c.name(), cal.zone().getId(), summary(cal), holidays,
                    cal.specialDays().size() - holidays);
        }
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("calendars", sla.calendars().stream().map(CalendarRow::of).toList());
        return "admin/calendars";
    }

    @GetMapping("/new")
    String create(Model model) {
        return form(model, null, CalendarForm.blank(), Map.of());
    }

    @GetMapping("/{id}")
    String edit(@PathVariable UUID id, Model model) {
        return form(model, id, CalendarForm.of(calendar(id)), Map.of());
    }

    @PostMapping
    ModelAndView define(@RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        return save(null, params, model, redirect);
    }

    @PostMapping("/{id}")
    ModelAndView change(@PathVariable UUID id, @RequestParam Map<String, String> params, Model model,
            RedirectAttributes redirect) {
        calendar(id);
        return save(id, params, model, redirect);
    }

    private ModelAndView save(@Nullable UUID id, Map<String, String> params, Model model, RedirectAttributes redirect) {
        CalendarForm form = CalendarForm.from(params);
        FieldErrors errors = new FieldErrors();
        SlaManagement.NewCalendar request = form.toRequest(errors);
        if (request != null) {
            try {
                ServiceCalendar saved = sla.defineCalendar(id == null ? null : new CalendarId(id), request);
                redirect.addFlashAttribute("notice", "Saved the calendar “" + saved.name() + "”.");
                return new ModelAndView("redirect:/admin/calendars");
            } catch (InvalidInput e) {
                CalendarForm.reject(errors, e);
            }
        }
        ModelAndView refused = new ModelAndView(form(model, id, form, errors.asMap()), model.asMap());
        refused.setStatus(HttpStatus.UNPROCESSABLE_ENTITY);
        return refused;
    }

    private String form(Model model, @Nullable UUID id, CalendarForm form, Map<String, String> errors) {
        model.addAttribute("id", id);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("days", DayOfWeek.values());
        model.addAttribute("zones", Zones.ALL);
        return "admin/calendar";
    }

    private ServiceCalendar calendar(UUID id) {
        return sla.calendar(new CalendarId(id)).orElseThrow(() -> new NotFound("calendar", id));
    }

    /** "Mon–Fri 09:00-17:00 · Sat 10:00-14:00": runs of days with the same hours; closed days left out. */
    static String summary(BusinessCalendar calendar) {
        List<String> parts = new ArrayList<>();
        DayOfWeek[] days = DayOfWeek.values();
        for (int i = 0; i < days.length; ) {
            List<OpeningHours> hours = calendar.weeklyHours().get(days[i]);
            int j = i;
            while (j + 1 < days.length && calendar.weeklyHours().get(days[j + 1]).equals(hours)) {
                j++;
            }
            if (!hours.isEmpty()) {
                String run = j == i ? shortName(days[i]) : shortName(days[i]) + "–" + shortName(days[j]);
                parts.add(run + " " + String.join(", ", hours.stream().map(OpeningHours::toString).toList()));
            }
            i = j + 1;
        }
        return String.join(" · ", parts);
    }

    private static String shortName(DayOfWeek day) {
        return day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
    }
}

package io.repdesk.web.workspace;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

import io.repdesk.insight.Survey;
import io.repdesk.insight.Surveys;
import io.repdesk.security.Permission;
import io.repdesk.security.Permits;
import io.repdesk.shared.InvalidInput;
import io.repdesk.shared.NotFound;

/**
 * Where the link in a satisfaction survey mail leads: a score from 1 to 5 and an optional comment, answered once.
 * Anyone holding the link may answer; an unknown or expired link is not found.
 */
@Controller
@Permits(Permission.ANYONE)
class SurveyController {

    private final Surveys surveys;

    SurveyController(Surveys surveys) {
        this.surveys = surveys;
    }

    @GetMapping("/survey/{token}")
    ModelAndView show(@PathVariable String token) {
        try {
            Survey survey = surveys.open(token);
            return page(token, survey, survey.answered() ? "already" : "ask", null, null, "");
        } catch (NotFound e) {
            return notFound();
        }
    }

    @PostMapping("/survey/{token}")
    ModelAndView answer(@PathVariable String token, @RequestParam(required = false) @Nullable String score,
            @RequestParam(required = false) @Nullable String comment) {
        Survey survey;
        try {
            survey = surveys.open(token);
        } catch (NotFound e) {
            return notFound();
        }
        if (survey.answered()) {
            return page(token, survey, "already", null, null, "");
        }
        try {
            return page(token, surveys.answer(token, score, comment), "thanks", null, null, "");
        } catch (InvalidInput e) {
            ModelAndView again = page(token, survey, "ask", e, score, comment == null ? "" : comment);
            again.setStatus(HttpStatus.UNPROCESSABLE_CONTENT);
            return again;
        }
    }

    private static ModelAndView page(String token, Survey survey, String state, @Nullable InvalidInput error,
            @Nullable String score, String comment) {
        ModelAndView page = new ModelAndView("survey");
        page.addObject("token", token);
        page.addObject("survey", survey);
        page.addObject("state", state);
        page.addObject("surveyLabels", Survey.LABELS);
        page.addObject("surveyMaxComment", Survey.MAX_COMMENT);
        page.addObject("surveyError", error);
        page.addObject("surveyChosen", score == null ? "" : score);
        page.addObject("surveyComment", comment);
        return page;
    }

    private static ModelAndView notFound() {
        ModelAndView page = new ModelAndView("survey");
        page.addObject("state", "missing");
        page.setStatus(HttpStatus.NOT_FOUND);
        return page;
    }
}

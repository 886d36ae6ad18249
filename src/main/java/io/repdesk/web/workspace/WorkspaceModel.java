package io.repdesk.web.workspace;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.repdesk.casework.TierManagement;
import io.repdesk.shared.NotFound;

/** What every workspace and admin page gets: the formatter, and a friendly page for unknown ids. */
@ControllerAdvice(basePackages = { "io.repdesk.web.workspace", "io.repdesk.web.admin", "io.repdesk.web.insight" })
class WorkspaceModel {

    private final Format format;

    WorkspaceModel(TierManagement tiers) {
        this.format = new Format(tiers::names);
    }

    @ModelAttribute("fmt")
    Format format() {
        return format;
    }

    @ModelAttribute("currentAgent")
    String currentAgent(java.security.Principal principal) {
        return principal == null ? "" : principal.getName();
    }

    @ModelAttribute("can")
    Can can(java.security.Principal principal) {
        return Can.of(principal);
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(NotFound e, Model model) {
        model.addAttribute("fmt", format);
        model.addAttribute("can", Can.of(org.springframework.security.core.context.SecurityContextHolder.getContext()
                .getAuthentication()));
        model.addAttribute("message", e.getMessage());
        return "not-found";
    }
}

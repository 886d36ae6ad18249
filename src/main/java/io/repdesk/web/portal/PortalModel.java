package io.repdesk.web.portal;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

import io.repdesk.security.PortalCustomer;
import io.repdesk.shared.NotFound;
import io.repdesk.web.workspace.Format;

/** What every portal page gets: the formatter, the signed-in customer, and a portal page for what is not there. */
@ControllerAdvice(basePackages = "io.repdesk.web.portal")
class PortalModel {

    private static final Format FORMAT = new Format();

    @ModelAttribute("fmt")
    Format format() {
        return FORMAT;
    }

    @ModelAttribute("me")
    @Nullable PortalCustomer me(@AuthenticationPrincipal @Nullable PortalCustomer me) {
        return me;
    }

    @ExceptionHandler(NotFound.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound(Model model) {
        model.addAttribute("fmt", FORMAT);
        return "portal/not-found";
    }
}
